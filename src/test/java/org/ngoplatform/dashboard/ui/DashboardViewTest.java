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
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard as an organiser opens it: per edition the figures, the chart with its text, and what to do with links. */
@IntegrationTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_edition_shows_its_to_dos_as_links_its_seats_and_a_chart_with_a_text_alternative() {
        EditionSummary edition = editions.open(10);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationRequest request = EditionFixtures.request("La Strada Poland", "Lawyer");
        request.setVisaLetter(true);
        registrations.register(edition.id(), request);

        accounts.signIn(Role.ORGANISER);
        navigate("dashboard", Component.class);
        Component card = $(Component.class).id("dashboard-edition-" + edition.id());

        String admin = "admin/editions/" + edition.id();
        assertThat($(Anchor.class, card).all()).filteredOn(a -> a.hasClassName("dashboard-todo"))
                .extracting(Anchor::getHref, Anchor::getText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(admin + "/programme", edition.title() + ": no programme yet"),
                        org.assertj.core.groups.Tuple.tuple(admin + "/registrations", edition.title() + ": 1 visa letters requested"));
        assertThat($(Component.class, card).id("dashboard-seats-" + edition.id()).getElement().getText())
                .isEqualTo("1 of 10 seats taken, 9 left; 0 on the waiting list");
        assertThat(card.getElement().getTextRecursively()).contains("Registration closes", "(" + edition.timeZone() + ")");

        Svg chart = $(Svg.class, card).single();
        assertThat(chart.getElement().getProperty("innerHTML"))
                .contains("role=\"img\"", "aria-label=\"1 registrations received from")
                .contains("(" + edition.timeZone() + ")");
        assertThat($(Component.class, card).id("dashboard-chart-table").getElement().getTextRecursively())
                .contains("Day (" + edition.timeZone() + ")", "Running total");
    }
}
