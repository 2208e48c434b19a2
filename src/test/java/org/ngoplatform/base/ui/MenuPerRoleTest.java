package org.ngoplatform.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNav;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MenuPerRoleTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private List<String> menu() {
        navigate("", com.vaadin.flow.component.Component.class);
        SideNav nav = find(SideNav.class).withId("main-nav").single();
        return nav.getItems().stream().map(item -> item.getElement().getTextRecursively()).toList();
    }

    @Test
    void anonymous_visitors_see_only_public_entries() {
        assertThat(menu()).contains("Home").doesNotContain("Accounts", "Organisations");
    }

    @Test
    void participants_do_not_see_administration() {
        fixtures.signIn(Role.PARTICIPANT);
        assertThat(menu()).contains("Home").doesNotContain("Accounts", "Organisations");
    }

    @Test
    void organisers_see_administration() {
        fixtures.signIn(Role.ORGANISER);
        assertThat(menu()).contains("Home", "Accounts", "Organisations");
    }

    @Test
    void the_signed_in_name_and_sign_out_are_shown() {
        var me = fixtures.signIn(Role.ANALYST);
        menu();
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("current-user").single().getText())
                .isEqualTo(me.displayName());
    }

    @Test
    void facilitators_reach_their_groups_from_the_menu_and_nobody_else_sees_the_entry() {
        fixtures.signIn(Role.FACILITATOR);
        assertThat(menu()).contains("Home", "My groups");
        AccountFixtures.signOut();
        fixtures.signIn(Role.PARTICIPANT);
        assertThat(menu()).doesNotContain("My groups");
    }
}
