package org.ngoplatform.registration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration section of the public edition page: when it offers registration and shows the participant list. */
@IntegrationTest
class RegistrationSectionTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private void openPage(EditionSummary edition) {
        navigate("", Component.class); // a fresh visit, as another person's browser would make
        navigate("editions/" + edition.id(), Component.class);
    }

    private boolean showsParticipantList(EditionSummary edition) {
        openPage(edition);
        return find(Div.class).withId("participant-list").exists();
    }

    private RegistrationStatus register(AccountPrincipal who, EditionSummary edition) {
        AccountFixtures.signIn(who);
        return registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Lawyer")).status();
    }

    @Test
    void the_participant_list_shows_to_confirmed_participants_and_organisers_of_an_edition_that_shows_it() {
        EditionSummary shown = editions.open(1, true);
        AccountPrincipal confirmed = accounts.create(Role.PARTICIPANT);
        AccountPrincipal waiting = accounts.create(Role.PARTICIPANT);
        assertThat(register(confirmed, shown)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(register(waiting, shown)).isEqualTo(RegistrationStatus.WAITLISTED);

        AccountFixtures.signIn(confirmed);
        assertThat(showsParticipantList(shown)).isTrue();
        AccountFixtures.signIn(waiting);
        assertThat(showsParticipantList(shown)).isFalse();
        accounts.signIn(Role.ORGANISER);
        assertThat(showsParticipantList(shown)).isTrue();
        AccountFixtures.signOut();
        assertThat(showsParticipantList(shown)).isFalse();
    }

    @Test
    void nobody_sees_the_participant_list_of_an_edition_that_hides_it() {
        EditionSummary hidden = editions.open(5, false);
        AccountPrincipal confirmed = accounts.create(Role.PARTICIPANT);
        assertThat(register(confirmed, hidden)).isEqualTo(RegistrationStatus.CONFIRMED);

        assertThat(showsParticipantList(hidden)).isFalse();
        accounts.signIn(Role.ORGANISER);
        assertThat(showsParticipantList(hidden)).isFalse();
    }

    @Test
    void an_edition_whose_registration_opens_later_says_when_and_offers_no_registration() {
        EditionSummary later = editions.notYetOpen(5);
        accounts.signIn(Role.PARTICIPANT);
        openPage(later);

        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Registration is not open at the moment.")
                .anyMatch(text -> text.startsWith("Registration opens "));
        assertThat(find(Button.class).withId("registration-register").exists()).isFalse();

        EditionSummary open = editions.open(5);
        openPage(open);
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .noneMatch(text -> text.startsWith("Registration opens "));
        assertThat(find(Button.class).withId("registration-register").exists()).isTrue();
    }

    @Test
    void the_registration_times_name_the_edition_s_time_zone() {
        EditionSummary later = editions.notYetOpen(5);
        openPage(later);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Registration opens ") && text.contains("(Europe/Tallinn)"));

        EditionSummary open = editions.open(5);
        openPage(open);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Registration closes ") && text.contains("(Europe/Tallinn)"));
    }
}
