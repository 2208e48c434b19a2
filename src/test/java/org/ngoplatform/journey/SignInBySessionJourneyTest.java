package org.ngoplatform.journey;

import org.apache.catalina.Session;
import org.apache.catalina.util.SessionConfig;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChromiumJourney#signInBySession} signs a browser in as the login form does, as far as the pages can tell:
 * for an organiser and a participant, the session of a form sign-in and a made one hold the same principal with the
 * same authorities, both are registered, and the pages show the same name and menu, open the role's page (the
 * accounts admin for the organiser) and refuse it to the participant alike.
 */
class SignInBySessionJourneyTest extends BrowserJourney {

    @Autowired AccountFixtures accounts;
    @Autowired SessionRegistry sessionRegistry;

    @Override
    protected boolean oneBrowserForTheClass() {
        return true;
    }

    /** What a page of the app shows of who is signed in. */
    record Seen(String user, List<String> menu, String accountsAdmin) {}

    @Test
    void a_made_session_shows_the_same_person_and_roles_as_a_form_sign_in() {
        for (Role role : List.of(Role.ORGANISER, Role.PARTICIPANT)) {
            AccountPrincipal account = accounts.create(role);

            signIn(account.getUsername(), AccountFixtures.PASSWORD);
            Authentication byForm = authenticationOfThisBrowser();
            Seen seenByForm = seen();

            resetBrowser(driver);
            String made = signInBySession(driver, account.getUsername());
            Seen seenBySession = seen();
            // read on the app's page (WebDriver shows the cookies of the page's origin only)
            assertThat(sessionId()).as("the browser carries the made session, and the app kept it").isEqualTo(made);
            Authentication bySession = authenticationOfThisBrowser();

            assertThat(bySession.getPrincipal()).isInstanceOf(AccountPrincipal.class);
            AccountPrincipal formPrincipal = (AccountPrincipal) byForm.getPrincipal();
            AccountPrincipal madePrincipal = (AccountPrincipal) bySession.getPrincipal();
            assertThat(madePrincipal.accountId()).isEqualTo(formPrincipal.accountId()).isEqualTo(account.accountId());
            assertThat(madePrincipal.getUsername()).isEqualTo(formPrincipal.getUsername());
            assertThat(madePrincipal.displayName()).isEqualTo(formPrincipal.displayName());
            assertThat(authorities(bySession)).as(role + ": authorities of the made session")
                    .isEqualTo(authorities(byForm)).contains("ROLE_" + role.name(), "FACTOR_PASSWORD");
            assertThat(bySession.getClass()).isEqualTo(byForm.getClass());
            assertThat(bySession.isAuthenticated()).isTrue();
            assertThat(bySession.getCredentials()).isEqualTo(byForm.getCredentials()).isNull();
            assertThat(sessionRegistry.getSessionInformation(made)).as("registered, so a password change ends it").isNotNull();

            assertThat(seenBySession).as(role + ": what the pages show").isEqualTo(seenByForm);
            assertThat(seenBySession.user()).isEqualTo(account.displayName());
            assertThat(seenBySession.accountsAdmin()).isEqualTo(role == Role.ORGANISER ? "accounts-admin" : "access-denied");
            resetBrowser(driver);
        }
    }

    /** The signed-in person's name, the menu's entries and what the organisers' accounts page shows, as this browser sees them. */
    private Seen seen() {
        open("admin/accounts");
        String shown = wait.until(d -> d.findElements(By.cssSelector("#accounts-admin, #access-denied")).stream()
                .map(e -> e.getDomAttribute("id")).findFirst().orElse(null));
        String user = byId("current-user").getText();
        List<String> menu = driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(WebElement::getText).map(String::strip).toList();
        assertThat(menu).as("the menu").isNotEmpty();
        return new Seen(user, menu, shown);
    }

    private String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed(SessionConfig.getSessionCookieName(tomcatContext()));
        return cookie == null ? null : cookie.getValue();
    }

    /** The authentication the app keeps in the session whose cookie this browser carries. */
    private Authentication authenticationOfThisBrowser() {
        try {
            Session session = tomcatContext().getManager().findSession(sessionId());
            assertThat(session).as("the browser's session in the app").isNotNull();
            Object context = session.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            assertThat(context).isInstanceOf(SecurityContext.class);
            return ((SecurityContext) context).getAuthentication();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
