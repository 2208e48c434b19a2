package org.ngoplatform.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route with parameters, opened with a parameter that is not a number, too long for one, or names nothing
 * (the other parameters naming real things): whoever may open the route sees "Page not found", whoever may not
 * is sent to sign in or told it is not for them, and nothing is logged as an error.
 */
@IntegrationTest
class RouteNotFoundTest extends SpringBrowserlessTest {

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)");
    private static final List<String> BAD_IDS = List.of("abc", "12abc", "99999999", "-1", "0",
            "123456789012345678901234567890", "9223372036854775808");
    private static final String SEEDED_SURVEY_KEY = "compensation-professionals-2026";

    @Autowired AccountFixtures fixtures;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logged);
        AccountFixtures.signOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {RouteAccessTest.ANONYMOUS, "PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER"})
    void a_route_parameter_that_does_not_parse_or_names_nothing_is_page_not_found(String who) {
        if (!who.equals(RouteAccessTest.ANONYMOUS)) {
            fixtures.signIn(Role.valueOf(who));
        }
        Map<String, String> valid = validParameters();
        List<RouteData> withParameters = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(r -> r.getTemplate().contains(":")).toList();
        assertThat(withParameters).extracting(RouteData::getTemplate).containsExactlyInAnyOrder(
                "editions/:editionId", "editions/:editionId/register", "editions/:editionId/report",
                "editions/:editionId/groups/:groupId", "admin/editions/:editionId/groups",
                "admin/editions/:editionId/registrations", "editions/:editionId/programme",
                "admin/editions/:editionId/programme", "surveys/:surveyId/edit", "surveys/:surveyId/preview",
                "surveys/:surveyId/results", "surveys/:surveyId/translations", "surveys/:surveyId/invitations", "s/:surveyKey", "reset-password/:token",
                "my/programme/choose/:sessionId", "admin/choosing/:sessionId",
                "editions/:editionId/check-in", "editions/:editionId/sign-in-sheet",
                "admin/editions/:editionId/messages", "admin/editions/:editionId/invitations",
                "editions/:editionId/visa-letter", "admin/editions/:editionId/visa-letters", "my/offers/:offerId",
                "published/:slug");

        int opened = 0;
        for (RouteData route : withParameters) {
            String template = route.getTemplate();
            boolean mayOpen = RouteAccessTest.whoMayOpen(template).contains(who);
            for (String parameter : parameters(template)) {
                for (String bad : badValues(parameter)) {
                    String path = fill(template, valid, parameter, bad);
                    navigate(path, Component.class);
                    Class<?> shown = getCurrentView().getClass();
                    String as = who + " opening /" + path;
                    if (!mayOpen) {
                        assertThat(shown).as(as).isEqualTo(who.equals(RouteAccessTest.ANONYMOUS)
                                ? org.ngoplatform.account.ui.LoginView.class : AccessDeniedView.class);
                    } else if (parameter.equals("token")) {
                        // a reset link that is not one says so on its own page (ResetPasswordViewTest)
                        assertThat(shown.getSimpleName()).as(as).isEqualTo("ResetPasswordView");
                    } else {
                        assertThat(shown).as(as).isEqualTo(NotFoundView.class);
                        assertThat(find(H1.class).single().getText()).as(as).isEqualTo("Page not found");
                    }
                    assertThat(logged.list).as(as + ": nothing logged as an error")
                            .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                            .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
                    opened++;
                }
            }
        }
        assertThat(opened).isGreaterThan(60);
    }

    private static List<String> badValues(String parameter) {
        return switch (parameter) {
            case "surveyKey" -> List.of("no-such-survey", "abc", "99999999");
            case "token" -> List.of("not-a-real-token", "abc");
            // a slug of the right shape that names no publication, and ones of the wrong shape
            case "slug" -> List.of("AAAAAAAAAAAAAAAAAAAAAAAA", "abc", "99999999");
            default -> BAD_IDS;
        };
    }

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The template with {@code parameter} set to {@code bad} and every other parameter naming a real thing. */
    private static String fill(String template, Map<String, String> valid, String parameter, String bad) {
        String path = template;
        for (String name : parameters(template)) {
            path = path.replace(":" + name, name.equals(parameter) ? bad : valid.get(name));
        }
        return path;
    }

    private Map<String, String> validParameters() {
        // the 2013 plenary: seeded and locked, so readable by every signed-in person
        long edition2013 = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long plenary = workshops.groupsOf(edition2013).stream().filter(WorkshopGroupSummary::plenary)
                .findFirst().orElseThrow().id();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("editionId", String.valueOf(edition2013));
        valid.put("groupId", String.valueOf(plenary));
        valid.put("surveyId", String.valueOf(jdbc.sql("SELECT id FROM survey WHERE public_key = ?")
                .param(SEEDED_SURVEY_KEY).query(Long.class).single()));
        valid.put("surveyKey", SEEDED_SURVEY_KEY);
        valid.put("token", "not-a-real-token");
        valid.put("slug", "AAAAAAAAAAAAAAAAAAAAAAAA");
        return valid;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
