package org.ngoplatform.dashboard.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard as an organiser opens it: what to do with links, per edition the figures and the chart with its text. */
@IntegrationTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired SurveyTestData surveys;

    @org.springframework.beans.factory.annotation.Autowired org.ngoplatform.workshop.ChoosingFixtures choosingFixtures;
    @org.springframework.beans.factory.annotation.Autowired org.ngoplatform.workshop.ChoosingService choosing;
    @org.springframework.beans.factory.annotation.Autowired org.ngoplatform.workshop.RankingService ranking;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_edition_s_to_dos_are_links_in_the_list_and_its_card_shows_seats_and_a_chart_with_a_text_alternative() {
        EditionSummary edition = editions.open(10);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationRequest request = EditionFixtures.request("La Strada Poland", "Lawyer");
        request.setVisaLetter(true);
        registrations.register(edition.id(), request);

        accounts.signIn(Role.ORGANISER);
        // the test database holds many upcoming editions: this one is asked for (only the soonest few are shown)
        navigate("dashboard", Component.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("dashboard",
                com.vaadin.flow.router.QueryParameters.of("edition", String.valueOf(edition.id())));
        Component card = $(Component.class).id("dashboard-edition-" + edition.id());

        String admin = "admin/editions/" + edition.id();
        Component toDos = $(Component.class).id("dashboard-todos");
        assertThat($(Anchor.class, toDos).all()).filteredOn(a -> a.hasClassName("dashboard-todo"))
                .filteredOn(a -> a.getText().startsWith(edition.title() + ":"))
                .extracting(Anchor::getHref, Anchor::getText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(admin + "/programme", edition.title() + ": no programme yet"),
                        org.assertj.core.groups.Tuple.tuple(admin + "/registrations", edition.title() + ": 1 visa letter requested"));
        assertThat($(Component.class, card).id("dashboard-seats-" + edition.id()).getElement().getText())
                .isEqualTo("1 of 10 seats taken, 9 left; 0 on the waiting list");
        assertThat(card.getElement().getTextRecursively()).contains("Registration closes", "(" + edition.timeZone() + ")");

        Svg chart = $(Svg.class, card).single();
        assertThat(chart.getElement().getProperty("innerHTML"))
                .contains("role=\"img\"", "aria-label=\"1 registration received from")
                .contains("(" + edition.timeZone() + ")");
        assertThat($(Component.class, card).id("dashboard-chart-table").getElement().getTextRecursively())
                .contains("Day (" + edition.timeZone() + ")", "Running total");
    }

    @Test
    void an_edition_s_card_shows_how_many_confirmed_participants_ranked_per_slot_with_a_link_to_run_the_choosing() {
        var slot = choosingFixtures.openSlot(4);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));
        ranking.rank(slot.sessionId(), java.util.List.of(slot.groups()[0]));

        accounts.signIn(Role.ORGANISER);
        navigate("dashboard", Component.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("dashboard",
                com.vaadin.flow.router.QueryParameters.of("edition", String.valueOf(slot.edition().id())));
        Component card = $(Component.class).id("dashboard-edition-" + slot.edition().id());
        assertThat($(Component.class, card).id("dashboard-choosing-" + slot.edition().id()).getElement().getTextRecursively())
                .contains("Workshops I", "1 / 1", "(Europe/Vienna)");
        assertThat($(Anchor.class, card).all()).extracting(Anchor::getHref).contains("admin/choosing/" + slot.sessionId());
    }

    @Test
    void an_open_survey_s_closing_time_is_shown_in_the_viewer_s_zone_and_names_it() {
        var settings = SurveyTestData.settings("Closing survey " + java.util.UUID.randomUUID().toString().substring(0, 8));
        settings.setClosesAt(java.time.Instant.parse("2031-03-01T12:30:00Z"));
        SurveyTestData.Built survey = surveys.openSurvey(settings);

        accounts.signIn(Role.ORGANISER);
        navigate("dashboard", Component.class);
        Anchor link = $(Anchor.class, $(Component.class).id("dashboard-surveys")).all().stream()
                .filter(a -> a.getHref().equals("surveys/" + survey.id() + "/results")).findFirst().orElseThrow();
        String item = link.getParent().orElseThrow().getElement().getTextRecursively();
        // a browserless UI reports no zone of its own: the viewer's zone is then UTC, named so (not "Z")
        assertThat(item).contains("closes Mar 1, 2031, 12:30", "(UTC)").doesNotContain("(Z)");
    }
}
