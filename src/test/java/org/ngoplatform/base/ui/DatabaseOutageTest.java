package org.ngoplatform.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import org.junit.jupiter.api.Test;
import org.ngoplatform.CuttableTcpProxy;
import org.ngoplatform.ProxiedDatabase;
import org.ngoplatform.ProxiedDatabaseTest;
import org.ngoplatform.edition.EditionService;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MariaDB goes away and comes back while the app runs. The connection pool talks to MariaDB through a proxy
 * this test cuts and restores (the shared server is never stopped). This needs its own Spring context,
 * shared with the other {@link ProxiedDatabaseTest} classes.
 */
@ProxiedDatabaseTest
class DatabaseOutageTest extends SpringBrowserlessTest {

    @Autowired EditionService editions;

    @Test
    void people_see_a_clear_message_during_an_outage_and_the_app_recovers_without_restart() {
        CuttableTcpProxy proxy = ProxiedDatabase.proxy();
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");

        proxy.cut();
        try {
            assertThatThrownBy(() -> editions.past()).satisfies(e -> assertThat(Failures.isDatabaseUnavailable(e)).isTrue());

            navigate("privacy", Component.class);
            navigate("", Component.class);
            assertThat(getCurrentView()).isInstanceOf(InternalErrorView.class);
            assertThat($(H1.class).single().getText()).isEqualTo("Temporarily unavailable");

            // An action (a button click) failing the same way keeps the screen and explains in a notification.
            RuntimeException failure;
            try {
                editions.upcoming();
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).isNotNull();
            new FriendlyErrorHandling.Handler().error(new ErrorEvent(failure));
            roundTrip();
            assertThat(test($(Notification.class).last()).getText())
                    .contains("temporarily unavailable", "Nothing you entered was lost");
        } finally {
            proxy.restore();
        }

        // The pool reconnects by itself once the database answers again.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(editions.past()).isNotEmpty());
        navigate("privacy", Component.class);
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");
    }
}
