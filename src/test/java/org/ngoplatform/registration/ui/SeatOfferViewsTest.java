package org.ngoplatform.registration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.NotFoundView;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.registration.SeatOfferFixtures;
import org.ngoplatform.registration.SeatOfferService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The offer page the mail links open, and the organisers' choice of how freed seats are given, with its history. */
@IntegrationTest
class SeatOfferViewsTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired SeatOfferFixtures fixtures;
    @Autowired SeatOfferService offers;
    @Autowired RegistrationService registrations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_link_opens_ones_own_offer_with_its_deadline_and_zone_and_someone_elses_is_page_not_found() {
        accounts.signIn(Role.PARTICIPANT);
        long offerId = fixtures.openOfferForCurrentUser();
        accounts.signIn(Role.PARTICIPANT);
        navigate("my/offers/" + offerId, Component.class);
        assertThat(getCurrentView()).as("someone else's offer").isInstanceOf(NotFoundView.class);
    }

    @Test
    void the_person_accepts_from_the_link_and_the_page_then_shows_the_offer_closed() {
        accounts.signIn(Role.PARTICIPANT);
        long offerId = fixtures.openOfferForCurrentUser();
        long editionId = offers.mine(offerId).orElseThrow().edition().id();

        com.vaadin.flow.component.UI.getCurrent().navigate("my/offers/" + offerId,
                com.vaadin.flow.router.QueryParameters.of("answer", "accept"));
        OfferView view = (OfferView) getCurrentView();
        assertThat(view.panel.getElement().getTextRecursively()).contains("(Europe/Tallinn)");
        test(view.panel.accept).click();

        assertThat(registrations.mineFor(editionId).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("offer-closed").getText()).contains("Accepted");
    }

    @Test
    void an_organiser_chooses_offers_refuses_a_bad_window_next_to_the_field_and_sees_the_history() {
        EditionSummary edition = fixtures.withOffers(1, 48);
        accounts.signIn(Role.PARTICIPANT);
        var seat = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountPrincipal waiting = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();
        assertThat(view.offerSettings.mode.getValue()).isTrue();
        assertThat(view.offerSettings.hours.getValue()).isEqualTo(48);
        assertThat(test(view.offerHistory.grid).size()).isZero();

        view.offerSettings.hours.setValue(400); // typed past the field's maximum
        test(view.offerSettings.save).click();
        assertThat(view.offerSettings.hours.isInvalid()).isTrue();
        assertThat(offers.offerWindow(edition.id())).contains(48);

        test(view.offerSettings.hours).setValue(24);
        test(view.offerSettings.save).click();
        assertThat(offers.offerWindow(edition.id())).contains(24);

        test(view.grid).getCellComponent(0, 8).getChildren()
                .filter(c -> c.getId().orElse("").equals("cancel-" + seat.id())).findFirst()
                .map(c -> (com.vaadin.flow.component.button.Button) c).ifPresentOrElse(c -> test(c).click(),
                        () -> { throw new AssertionError("no cancel button"); });
        roundTrip();
        test(view.dialog.reason).setValue("Visa refused");
        test(view.dialog.ok).click();

        var history = test(view.offerHistory.grid);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.getCellText(0, 0)).isEqualTo(waiting.displayName());
        assertThat(history.getCellText(0, 1)).isEqualTo("Open");
        assertThat(history.getCellText(0, 3)).contains("(Europe/Tallinn)");

        // on a phone each offer is a card (five columns do not fit 360 px)
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.PHONE);
        assertThat(view.offerHistory.cards.isNarrow()).isTrue();
        assertThat(test(view.offerHistory.grid).getCellComponent(0, 0).getElement().getTextRecursively())
                .contains(waiting.displayName(), "Open", "(Europe/Tallinn)");
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.DESKTOP);
    }
}
