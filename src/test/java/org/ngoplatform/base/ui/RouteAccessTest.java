package org.ngoplatform.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route as anonymous and as each role. The table below is the specification: a new route
 * fails this test until someone decides who may open it.
 */
@IntegrationTest
public class RouteAccessTest extends SpringBrowserlessTest {

    public static final String ANONYMOUS = "ANONYMOUS";
    /** Anyone, signed in or not. */
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER");
    /** Any signed-in person. */
    private static final Set<String> SIGNED_IN = Set.of("PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER");
    private static final Set<String> ORGANISERS = Set.of("ORGANISER");
    private static final Set<String> ANALYSTS = Set.of("ANALYST", "ORGANISER");
    /** Organisers, and facilitators (who see a "not delegated" note unless an organiser let the edition's facilitators check in). */
    private static final Set<String> CHECK_IN = Set.of("FACILITATOR", "ORGANISER");

    static final Map<String, Set<String>> ACCESS = new LinkedHashMap<>();

    static {
        ACCESS.put("", EVERYONE);
        ACCESS.put("login", EVERYONE);
        ACCESS.put("signup", EVERYONE);
        ACCESS.put("reset-password", EVERYONE);
        ACCESS.put("reset-password/:token", EVERYONE);
        ACCESS.put("privacy", EVERYONE);
        ACCESS.put("editions/:editionId", EVERYONE);
        ACCESS.put("admin/accounts", ORGANISERS);
        ACCESS.put("admin/organisations", ORGANISERS);
        ACCESS.put("editions/:editionId/groups/:groupId", SIGNED_IN);
        ACCESS.put("editions/:editionId/report", SIGNED_IN);
        ACCESS.put("admin/editions/:editionId/groups", ORGANISERS);
        ACCESS.put("editions/:editionId/programme", EVERYONE);
        ACCESS.put("admin/editions/:editionId/programme", ORGANISERS);
        ACCESS.put("surveys", ANALYSTS);
        ACCESS.put("surveys/:surveyId/edit", ANALYSTS);
        ACCESS.put("surveys/:surveyId/preview", ANALYSTS);
        ACCESS.put("surveys/:surveyId/results", ANALYSTS);
        ACCESS.put("surveys/:surveyId/translations", ANALYSTS);
        ACCESS.put("surveys/:surveyId/invitations", ANALYSTS);
        ACCESS.put("s/:surveyKey", EVERYONE);
        ACCESS.put("published/:slug", EVERYONE);
        ACCESS.put("admin/audit", ORGANISERS);
        ACCESS.put("admin/editions", ORGANISERS);
        ACCESS.put("admin/editions/:editionId/registrations", ORGANISERS);
        ACCESS.put("admin/outbox", ORGANISERS);
        ACCESS.put("dashboard", ORGANISERS);
        ACCESS.put("editions/:editionId/register", SIGNED_IN);
        ACCESS.put("my/registrations", SIGNED_IN);
        // one's own seat offer (someone else's is "Page not found", SeatOfferServiceTest and RouteNotFoundTest)
        ACCESS.put("my/offers/:offerId", SIGNED_IN);
        ACCESS.put("my/data", SIGNED_IN);
        ACCESS.put("my/groups", Set.of("FACILITATOR"));
        ACCESS.put("my/programme", SIGNED_IN);
        ACCESS.put("my/programme/choose/:sessionId", SIGNED_IN);
        ACCESS.put("admin/choosing/:sessionId", ORGANISERS);
        ACCESS.put("admin/privacy", ORGANISERS);
        ACCESS.put("account", SIGNED_IN);
        ACCESS.put("editions/:editionId/check-in", CHECK_IN);
        ACCESS.put("editions/:editionId/sign-in-sheet", CHECK_IN);
        ACCESS.put("admin/editions/:editionId/messages", ORGANISERS);
        ACCESS.put("admin/editions/:editionId/invitations", ORGANISERS);
        ACCESS.put("invitation", EVERYONE);
        // visa letters: the participant's own request (the view then says whether their registration allows one);
        // the details of everyone only for organisers
        ACCESS.put("editions/:editionId/visa-letter", SIGNED_IN);
        ACCESS.put("admin/editions/:editionId/visa-letters", ORGANISERS);
    }

    @Autowired AccountFixtures fixtures;
    @Autowired org.ngoplatform.survey.SurveyPublicationFixtures publications;
    @Autowired org.ngoplatform.registration.SeatOfferFixtures seatOffers;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.ngoplatform.workshop.ChoosingFixtures choosingFixtures;
    private Long choosingSession;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {ANONYMOUS, "PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER"})
    void every_route_is_open_exactly_to_whom_the_table_says(String who) {
        if (!who.equals(ANONYMOUS)) {
            fixtures.signIn(Role.valueOf(who));
        }
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).extracting(RouteData::getTemplate).containsExactlyInAnyOrderElementsOf(ACCESS.keySet());

        for (RouteData route : routes) {
            boolean expected = ACCESS.get(route.getTemplate()).contains(who);
            navigate(concrete(route.getTemplate()), Component.class);
            Class<?> shown = getCurrentView().getClass();
            assertThat(route.getNavigationTarget().isAssignableFrom(shown))
                    .as("%s opening /%s (shown: %s)", who, route.getTemplate(), shown.getSimpleName())
                    .isEqualTo(expected);
            if (!expected) {
                assertThat(shown.getSimpleName())
                        .as("denied page for %s at /%s", who, route.getTemplate())
                        .isEqualTo(who.equals(ANONYMOUS) ? "LoginView" : "AccessDeniedView");
            }
        }
    }

    private String concrete(String template) {
        if (template.contains(":slug")) {
            // the public page of results an analyst published (a closed survey)
            return template.replace(":slug", publications.publishedSlug());
        }
        if (template.contains(":offerId")) {
            // an open offer of whoever is signed in; anonymous visitors are sent to sign in before any lookup
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn = auth != null && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
            return template.replace(":offerId", signedIn ? String.valueOf(seatOffers.openOfferForCurrentUser()) : "1");
        }
        if (template.contains(":groupId")) {
            // the 2013 plenary: seeded, locked, so readable by every signed-in person
            long edition2013 = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
            long plenary = workshops.groupsOf(edition2013).stream().filter(WorkshopGroupSummary::plenary)
                    .findFirst().orElseThrow().id();
            if (template.contains(":sessionId")) {
            // a workshop slot of a public edition, with groups and open choosing
            if (choosingSession == null) choosingSession = choosingFixtures.openSlot(5).sessionId();
            return template.replace(":sessionId", String.valueOf(choosingSession));
        }
        return template.replace(":editionId", String.valueOf(edition2013)).replace(":groupId", String.valueOf(plenary));
        }
        if (template.contains(":sessionId")) {
            // a workshop slot of a public edition, with groups and open choosing
            if (choosingSession == null) choosingSession = choosingFixtures.openSlot(5).sessionId();
            return template.replace(":sessionId", String.valueOf(choosingSession));
        }
        return template.replace(":editionId", String.valueOf(editions.past().getFirst().id()))
                .replace(":surveyId", String.valueOf(seededSurveyId()))
                .replace(":surveyKey", SEEDED_SURVEY_KEY)
                .replace(":token", "not-a-real-token");
    }

    private static final String SEEDED_SURVEY_KEY = "compensation-professionals-2026";

    private long seededSurveyId() {
        return jdbc.sql("SELECT id FROM survey WHERE public_key = ?").param(SEEDED_SURVEY_KEY).query(Long.class).single();
    }

    /** Who may open the route, from the table: {@link #ANONYMOUS} and role names (for other features' tests). */
    public static Set<String> whoMayOpen(String route) {
        Set<String> who = ACCESS.get(route);
        assertThat(who).as("route /%s is in the table", route).isNotNull();
        return new java.util.TreeSet<>(who);
    }

    static Set<Role> rolesFor(String route) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        ACCESS.get(route).stream().filter(r -> !r.equals(ANONYMOUS)).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
