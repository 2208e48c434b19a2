package org.ngoplatform.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.BrowserWindow;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountsAdminViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void on_a_phone_each_account_is_a_card_with_its_roles_and_an_edit_button() {
        AccountPrincipal analyst = accounts.create(Role.ANALYST);
        accounts.signIn(Role.ORGANISER);
        AccountsAdminView view = navigate(AccountsAdminView.class);
        test(view.filter).setValue(analyst.getUsername());

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(view.cards.cardColumn().orElseThrow());
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellComponent(0, 0).getElement().getTextRecursively())
                .contains(analyst.displayName(), "Email: " + analyst.getUsername(), "Roles: Analyst", "Status: Enabled");
        test(find(Button.class).withId("account-edit-" + analyst.accountId()).single()).click();
        assertThat(find(Dialog.class).single().isOpened()).isTrue();

        BrowserWindow.resize(BrowserWindow.DESKTOP);
        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).count()).isEqualTo(6);
        assertThat(grid.getCellText(0, 0)).isEqualTo(analyst.getUsername());
    }
}
