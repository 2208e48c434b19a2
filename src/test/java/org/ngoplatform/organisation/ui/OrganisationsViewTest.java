package org.ngoplatform.organisation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.organisation.Organisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganisationsViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_name_longer_than_the_limit_is_refused_next_to_the_field_and_nothing_is_added() {
        accounts.signIn(Role.ORGANISER);
        OrganisationsView view = navigate(OrganisationsView.class);
        assertThat(view.name.getMaxLength()).isEqualTo(Organisation.NAME_MAX);
        String tooLong = "<b>" + UUID.randomUUID() + "</b>" + "x".repeat(Organisation.NAME_MAX);
        int before = count();

        view.name.setValue(tooLong); // as a client ignoring the browser's limit would send it
        test(view.country).selectItem("Germany");
        test(find(Button.class).withText("Add organisation").single()).click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("This is too long.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_name_with_markup_is_added_and_listed_literally() {
        accounts.signIn(Role.ORGANISER);
        OrganisationsView view = navigate(OrganisationsView.class);
        String name = "<script>alert('x')</script> " + UUID.randomUUID();

        test(view.name).setValue(name);
        test(view.country).selectItem("Germany");
        test(find(Button.class).withText("Add organisation").single()).click();

        assertThat(view.name.isInvalid()).isFalse();
        assertThat(view.country.isInvalid()).as("emptied after the success, no message").isFalse();
        assertThat(view.name.isRequiredIndicatorVisible() && view.country.isRequiredIndicatorVisible()).as("both marked required").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from organisation where name = ?", Integer.class, name)).isEqualTo(1);
        assertThat(test(view.grid).size()).isPositive();
        boolean listed = false;
        for (int row = 0; row < test(view.grid).size() && !listed; row++) {
            listed = name.equals(test(view.grid).getCellText(row, 0));
        }
        assertThat(listed).as("listed as typed").isTrue();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from organisation", Integer.class);
    }
}
