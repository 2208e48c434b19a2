package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MembershipViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long group(long editionId, String title, String slot, Integer capacity, AccountPrincipal facilitator) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title);
            form.setSessionSlot(slot);
            form.setCapacity(capacity);
            long id = workshops.createGroup(editionId, form).id();
            if (facilitator != null) {
                workshops.addFacilitator(id, facilitator.accountId());
            }
            return id;
        });
    }

    private void openEdition(long editionId) {
        navigate("", Component.class);
        navigate("editions/" + editionId, Component.class);
    }

    private String text(String id) {
        return find(Span.class).withId(id).single().getText();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private boolean hasButton(String id) {
        return find(Button.class).withId(id).exists();
    }

    @Test
    void confirmed_participant_joins_switches_and_leaves_on_the_edition_page() {
        EditionSummary e = editionFixtures.open(20);
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        long a = group(e.id(), "Identification", "Day 1 morning", 2, facilitator);
        long b = group(e.id(), "Shelters", "Day 1 morning", 3, null);
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(e.id(), EditionFixtures.request("KOK", "Counsellor"));

        openEdition(e.id());
        assertThat(text("places-" + a)).isEqualTo("Places left: 2 of 2");
        assertThat(find(Component.class).withId("group-" + a).single().getElement().getTextRecursively())
                .contains("Facilitated by " + facilitator.displayName());
        test(button("join-" + a)).click();

        assertThat(text("places-" + a)).isEqualTo("Places left: 1 of 2");
        assertThat(hasButton("leave-" + a)).isTrue();
        assertThat(button("join-" + b).getText()).isEqualTo("Switch to this group");

        test(button("join-" + b)).click();
        assertThat(text("places-" + a)).isEqualTo("Places left: 2 of 2");
        assertThat(text("places-" + b)).isEqualTo("Places left: 2 of 3");
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(b);

        test(button("leave-" + b)).click();
        assertThat(memberships.mine(e.id()).groupIds()).isEmpty();
        assertThat(text("places-" + b)).isEqualTo("Places left: 3 of 3");
    }

    @Test
    void a_group_filled_meanwhile_is_explained_and_shown_full() {
        EditionSummary e = editionFixtures.open(20);
        long a = group(e.id(), "Tiny", "Day 1", 1, null);
        AccountPrincipal first = fixtures.signIn(Role.PARTICIPANT);
        registrations.register(e.id(), EditionFixtures.request("KOK", "Counsellor"));
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(e.id(), EditionFixtures.request("KOK", "Counsellor"));
        openEdition(e.id());
        Button join = button("join-" + a);

        AccountPrincipal second = (AccountPrincipal) org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication().getPrincipal();
        AccountFixtures.signIn(first);
        memberships.join(a);
        AccountFixtures.signIn(second);

        test(join).click();
        assertThat(memberships.mine(e.id()).groupIds()).isEmpty();
        assertThat(text("places-" + a)).isEqualTo("Places left: 0 of 1");
        assertThat(hasButton("join-" + a)).isFalse();
    }

    @Test
    void people_without_a_confirmed_seat_and_visitors_see_places_but_no_buttons() {
        EditionSummary e = editionFixtures.open(20);
        long a = group(e.id(), "Open", "Day 1", 5, null);
        long unlimited = group(e.id(), "Unlimited", "Day 2", null, null);

        fixtures.signIn(Role.PARTICIPANT); // not registered
        openEdition(e.id());
        assertThat(text("places-" + a)).isEqualTo("Places left: 5 of 5");
        assertThat(hasButton("join-" + a)).isFalse();
        assertThat(find(Component.class).withId("membership-hint").exists()).isTrue();
        assertThat(text("places-" + unlimited)).isEqualTo("No members yet");

        AccountFixtures.signOut();
        openEdition(e.id());
        assertThat(text("places-" + a)).isEqualTo("Places left: 5 of 5");
        assertThat(hasButton("join-" + a)).isFalse();
    }

    @Test
    void organiser_moves_a_member_in_the_groups_admin_and_the_facilitator_sees_the_roster() {
        EditionSummary e = editionFixtures.open(20);
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        long a = group(e.id(), "From", "Day 1", 5, null);
        long b = group(e.id(), "To", "Day 1", 5, facilitator);
        AccountPrincipal p = fixtures.signIn(Role.PARTICIPANT);
        registrations.register(e.id(), EditionFixtures.request("La Strada Poland", "Counsellor"));
        memberships.join(a);

        fixtures.signIn(Role.ORGANISER);
        GroupsAdminView admin = navigate("admin/editions/" + e.id() + "/groups", GroupsAdminView.class);
        WorkshopGroupSummary from = workshops.group(a);
        admin.select(from);
        assertThat(admin.members.getElement().getTextRecursively()).contains(p.displayName() + " (La Strada Poland)");
        @SuppressWarnings("unchecked")
        ComboBox<WorkshopGroupSummary> moveTo = find(ComboBox.class).withId("move-" + p.accountId()).single();
        test(moveTo).selectItem("To");
        assertThat(admin.members.getElement().getTextRecursively()).doesNotContain(p.displayName());

        // in "To", the slot's only other group is "From": the box offers it; in a slot of one group there is none
        admin.select(workshops.group(b));
        assertThat(find(ComboBox.class).withId("move-" + p.accountId()).exists()).isTrue();
        long alone = group(e.id(), "Alone", "Day 2", 5, null);
        AccountFixtures.signIn(p);
        memberships.join(alone);
        fixtures.signIn(Role.ORGANISER);
        admin.select(workshops.group(alone));
        assertThat(admin.members.getElement().getTextRecursively()).contains(p.displayName());
        assertThat(find(ComboBox.class).withId("move-" + p.accountId()).exists()).as("nothing to move to").isFalse();

        AccountFixtures.signIn(facilitator);
        navigate("editions/" + e.id() + "/groups/" + b, Component.class);
        assertThat(find(Component.class).withId("roster").single().getElement().getTextRecursively())
                .contains("Members (1)", p.displayName() + " (La Strada Poland)");

        fixtures.signIn(Role.PARTICIPANT);
        navigate("editions/" + e.id() + "/groups/" + b, Component.class);
        assertThat(find(Component.class).withId("roster").exists()
                && !find(Component.class).withId("roster").single().getElement().getTextRecursively().isEmpty()).isFalse();
    }
}
