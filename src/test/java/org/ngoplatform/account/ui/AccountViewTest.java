package org.ngoplatform.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_signed_in_person_reaches_the_account_page_from_the_header() {
        fixtures.signIn(Role.PARTICIPANT);
        navigate("", Component.class);

        assertThat($(Anchor.class).id("account-link").getHref()).isEqualTo("account");
        navigate("account", Component.class);
        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        assertThat(((AccountView) getCurrentView()).mustChange.isVisible()).isFalse();
    }

    @Test
    void a_wrong_current_password_is_shown_next_to_the_field() {
        fixtures.signIn(Role.PARTICIPANT);
        AccountView view = navigate(AccountView.class);

        test(view.currentPassword).setValue("not-my-password-1");
        test(view.newPassword).setValue("a-much-better-secret-42");
        test(view.confirmPassword).setValue("a-much-better-secret-42");
        test(view.changePassword).click();

        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("This is not your current password.");
    }

    @Test
    void the_first_organiser_sets_a_new_password_before_any_other_page() {
        AccountPrincipal organiser = fixtures.createWithOneTimePassword(Role.ORGANISER, Role.PARTICIPANT);
        AccountFixtures.signIn(organiser);

        navigate("admin/editions", Component.class);
        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        AccountView view = (AccountView) getCurrentView();
        assertThat(view.mustChange.isVisible()).isTrue();
        navigate("", Component.class);
        assertThat(getCurrentView()).isInstanceOf(AccountView.class);

        view = (AccountView) getCurrentView();
        test(view.currentPassword).setValue(AccountFixtures.PASSWORD);
        test(view.newPassword).setValue("a-much-better-secret-42");
        test(view.confirmPassword).setValue("a-much-better-secret-42");
        test(view.changePassword).click();

        assertThat(view.currentPassword.isInvalid()).isFalse();
        assertThat(view.newPassword.isInvalid()).isFalse();
        navigate("admin/editions", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(AccountView.class);
    }

    @Test
    void the_name_which_must_be_filled_in_is_marked_required() {
        fixtures.signIn(Role.PARTICIPANT);
        AccountView view = navigate(AccountView.class);

        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(view.binder, org.ngoplatform.account.ProfileChange.class);
    }

    @Test
    void the_account_page_saves_the_name() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        AccountView view = navigate(AccountView.class);
        assertThat(view.displayName.getValue()).isEqualTo(me.displayName());

        test(view.displayName).setValue("Someone Else");
        test(view.saveProfile).click();

        assertThat(view.displayName.isInvalid()).isFalse();
        AccountView again = navigate(AccountView.class);
        assertThat(again.displayName.getValue()).isEqualTo("Someone Else");
    }
}
