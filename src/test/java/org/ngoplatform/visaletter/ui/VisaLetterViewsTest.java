package org.ngoplatform.visaletter.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.visaletter.VisaLetterRequestSummary;
import org.ngoplatform.visaletter.VisaLetterService;
import org.ngoplatform.visaletter.VisaLetterStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class VisaLetterViewsTest extends SpringBrowserlessTest {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired VisaLetterService letters;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_participant_is_told_next_to_the_field_what_is_wrong_nothing_is_saved_then_asks_and_an_organiser_issues_the_letter() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal anna = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada", "Lawyer"));

        MyVisaLetterView view = navigate("editions/" + edition.id() + "/visa-letter", MyVisaLetterView.class);
        test(view.fullName).setValue("Anna Novak");
        test(view.nationality).setValue("Ukrainian");
        test(view.passportNumber).setValue("AB1234567");
        test(view.dateOfBirth).setValue(LocalDate.now().plusYears(1));
        test(view.consulateCity).setValue("Kyiv");
        test(view.save).click();
        assertThat(view.dateOfBirth.isInvalid()).isTrue();
        assertThat(view.dateOfBirth.getErrorMessage()).isEqualTo("A date of birth must lie in the past.");
        assertThat(letters.mine(edition.id())).as("nothing saved").isEmpty();

        test(view.dateOfBirth).setValue(LocalDate.of(1990, 4, 1));
        test(view.save).click();
        assertThat(view.dateOfBirth.isInvalid()).isFalse();
        assertThat(letters.mine(edition.id())).map(VisaLetterRequestSummary::status).contains(VisaLetterStatus.REQUESTED);

        accounts.signIn(Role.ORGANISER);
        VisaLettersAdminView admin = navigate("admin/editions/" + edition.id() + "/visa-letters", VisaLettersAdminView.class);
        test(admin.issueAll).click();
        assertThat(admin.editor.body.isInvalid()).as("no template saved yet").isTrue();
        assertThat(admin.editor.body.getErrorMessage()).isEqualTo("Save the letter template first: letters are issued from it.");

        test(admin.editor.body).setValue("Dear consul in {consulateCity}, {name} is {unknown}.");
        test(admin.editor.save).click();
        assertThat(admin.editor.body.getErrorMessage()).isEqualTo("There is no placeholder {unknown}. Use one of the placeholders listed above.");
        assertThat(letters.template(edition.id(), Locale.ENGLISH).saved()).isFalse();

        test(admin.editor.body).setValue("Dear consul in {consulateCity}, {name} is invited.");
        test(admin.editor.save).click();
        assertThat(admin.editor.body.isInvalid()).isFalse();
        test(admin.issueAll).click();
        assertThat(test(admin.grid).size()).isEqualTo(1);
        assertThat(test(admin.grid).getCellText(0, 5)).isEqualTo("Issued");

        AccountFixtures.signIn(anna);
        view = navigate("editions/" + edition.id() + "/visa-letter", MyVisaLetterView.class);
        assertThat($(Anchor.class, view).withId("visa-download").exists()).isTrue();
        assertThat(view.state.getElement().getTextRecursively()).contains("Your visa letter is ready to download.");
    }

    @Test
    void without_a_registration_the_page_says_what_a_letter_needs_and_shows_no_form() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        MyVisaLetterView view = navigate("editions/" + edition.id() + "/visa-letter", MyVisaLetterView.class);
        assertThat(view.getElement().getTextRecursively()).contains("confirmed or on the waiting list");
        assertThat(view.fullName.isAttached()).isFalse();
        navigate("", Component.class);
    }
}
