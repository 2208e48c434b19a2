package org.ngoplatform.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import org.junit.jupiter.api.Test;
import org.ngoplatform.CuttableTcpProxy;
import org.ngoplatform.ProxiedDatabase;
import org.ngoplatform.ProxiedDatabaseTest;
import org.ngoplatform.edition.EditionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.web.WebAttributes;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MariaDB goes away and comes back while the app runs. The connection pool talks to MariaDB through a proxy
 * this test cuts and restores (the shared server is never stopped). This needs its own Spring context,
 * shared with the other {@link ProxiedDatabaseTest} classes.
 */
@ProxiedDatabaseTest
// Runs as a nested class of org.ngoplatform.ProxiedDatabaseGroupTest (one test JVM, one context start per suite).
public abstract class DatabaseOutageTest extends SpringBrowserlessTest {

    /** How long a page or an action may take to tell the person the database is out of reach. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(15);

    /**
     * This context's pool waits {@link ProxiedDatabase#CONNECTION_TIMEOUT_MS} for a connection, the application
     * {@code spring.datasource.hikari.connection-timeout}: a wait measured here is judged as it would have lasted
     * with the application's setting, so the promise is held to the application's own figure at the same margin.
     */
    private static Duration asWithTheApplicationsPoolWait(Duration measured) throws java.io.IOException {
        long app = Long.parseLong(applicationProperties().getProperty("spring.datasource.hikari.connection-timeout"));
        return measured.plusMillis(app - ProxiedDatabase.CONNECTION_TIMEOUT_MS);
    }

    private static java.util.Properties applicationProperties() throws java.io.IOException {
        return org.springframework.core.io.support.PropertiesLoaderUtils.loadProperties(
                new org.springframework.core.io.ClassPathResource("application.properties"));
    }

    @Test
    void the_applications_own_database_timeouts_are_each_shorter_than_the_promise() throws Exception {
        java.util.Properties app = applicationProperties();
        for (String key : java.util.List.of("spring.datasource.hikari.connection-timeout",
                "spring.datasource.hikari.validation-timeout", "spring.datasource.hikari.data-source-properties.connectTimeout",
                "spring.datasource.hikari.data-source-properties.socketTimeout")) {
            assertThat(Duration.ofMillis(Long.parseLong(app.getProperty(key)))).as(key).isLessThan(FAIL_FAST);
        }
        assertThat((long) ProxiedDatabase.CONNECTION_TIMEOUT_MS).as("this context waits no longer than the application")
                .isLessThanOrEqualTo(Long.parseLong(app.getProperty("spring.datasource.hikari.connection-timeout")));
    }

    @Autowired EditionService editions;
    @Autowired AuthenticationConfiguration authentication;

    @Test
    void people_see_a_clear_message_during_an_outage_and_the_app_recovers_without_restart() throws Exception {
        CuttableTcpProxy proxy = ProxiedDatabase.proxy();
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");

        proxy.cut();
        try {
            long start = System.nanoTime();
            RuntimeException failure = null;
            try {
                editions.past();
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).isNotNull().satisfies(e -> assertThat(Failures.isDatabaseUnavailable(e)).isTrue());
            assertThat(asWithTheApplicationsPoolWait(Duration.ofNanos(System.nanoTime() - start))).as("a call fails fast").isLessThan(FAIL_FAST);

            navigate("privacy", Component.class);
            start = System.nanoTime();
            navigate("", Component.class);
            assertThat(asWithTheApplicationsPoolWait(Duration.ofNanos(System.nanoTime() - start))).as("the outage page comes fast").isLessThan(FAIL_FAST);
            assertThat(getCurrentView()).isInstanceOf(InternalErrorView.class);
            assertThat(find(H1.class).single().getText()).isEqualTo("Temporarily unavailable");

            // An action (a button click) failing the same way keeps the screen and explains in a notification
            // (the failure of the call above: a second call would only wait out the pool once more).
            new FriendlyErrorHandling.Handler().error(new ErrorEvent(failure));
            roundTrip();
            assertThat(test(find(Notification.class).last()).getText())
                    .contains("temporarily unavailable", "Nothing you entered was lost");
        } finally {
            proxy.restore();
        }

        assertRecovered();
    }

    @Test
    void a_stalled_database_shows_the_outage_page_within_seconds_and_the_app_recovers() throws Exception {
        CuttableTcpProxy proxy = ProxiedDatabase.proxy();
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");

        proxy.stall();
        try {
            // MariaDB accepts connections but answers nothing: without timeouts a page would wait forever.
            var call = CompletableFuture.supplyAsync(() -> editions.past());
            assertThatThrownBy(() -> call.get(FAIL_FAST.toSeconds(), TimeUnit.SECONDS))
                    .as("a call on a stalled database fails within %s", FAIL_FAST)
                    .satisfies(e -> assertThat(Failures.isDatabaseUnavailable(e.getCause())).as("%s", e).isTrue());

            navigate("privacy", Component.class);
            long start = System.nanoTime();
            navigate("", Component.class);
            assertThat(asWithTheApplicationsPoolWait(Duration.ofNanos(System.nanoTime() - start))).as("the outage page comes fast").isLessThan(FAIL_FAST);
            assertThat(getCurrentView()).isInstanceOf(InternalErrorView.class);
            assertThat(find(H1.class).single().getText()).isEqualTo("Temporarily unavailable");
        } finally {
            proxy.restore();
        }

        assertRecovered();
    }

    @Test
    void signing_in_during_an_outage_says_the_service_is_unavailable_not_that_the_password_is_wrong() throws Exception {
        CuttableTcpProxy proxy = ProxiedDatabase.proxy();
        proxy.cut();
        InternalAuthenticationServiceException failure;
        try {
            long start = System.nanoTime();
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated("someone@example.org", "a-password-1234");
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> authentication.getAuthenticationManager().authenticate(attempt));
            assertThat(asWithTheApplicationsPoolWait(Duration.ofNanos(System.nanoTime() - start))).as("sign-in fails fast").isLessThan(FAIL_FAST);
            assertThat(thrown).isInstanceOf(InternalAuthenticationServiceException.class);
            failure = (InternalAuthenticationServiceException) thrown;

            // Spring Security keeps the failure in the session and redirects to login?error.
            VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
            navigate("login", Component.class);
            UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
            LoginForm form = find(LoginForm.class).single();
            assertThat(form.isError()).isTrue();
            assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                    .contains("Temporarily unavailable").doesNotContain("Check your email and password");
        } finally {
            proxy.restore();
        }

        // A wrong password after the outage gets the usual answer again.
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new org.springframework.security.authentication.BadCredentialsException("Bad credentials"));
        navigate("", Component.class);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(String.valueOf(find(LoginForm.class).single().getElement().getPropertyRaw("i18n")))
                .contains("Check your email and password");
        assertRecovered();
    }

    /** The pool reconnects by itself once the database answers again. */
    private void assertRecovered() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> assertThat(editions.past()).isNotEmpty());
        navigate("privacy", Component.class);
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");
    }
}
