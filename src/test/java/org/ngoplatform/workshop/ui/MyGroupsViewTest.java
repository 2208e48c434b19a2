package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MyGroupsViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired ProgrammeFixtures programmes;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_facilitator_sees_the_groups_they_facilitate_with_links_to_their_outcomes() {
        long edition = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        fixtures.signIn(Role.ORGANISER);
        var form = new GroupForm();
        String title = "Victim support " + UUID.randomUUID().toString().substring(0, 6);
        form.setTitle(title);
        var group = workshops.createGroup(edition, form);
        workshops.addFacilitator(group.id(), facilitator.accountId());
        AccountFixtures.signOut();

        AccountFixtures.signIn(facilitator);
        MyGroupsView view = navigate("my/groups", MyGroupsView.class);
        assertThat($(Anchor.class, view).all())
                .anySatisfy(a -> {
                    assertThat(a.getText()).isEqualTo(title);
                    assertThat(a.getHref()).isEqualTo("editions/" + edition + "/groups/" + group.id());
                });
    }

    @Test
    void a_groups_slot_shows_the_sessions_day_and_times_in_the_editions_zone_and_old_free_text_as_it_was() {
        EditionSummary edition = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true);
        SessionSummary slot = programmes.add(edition.id(), ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT, "Workshops I",
                null, ProgrammeFixtures.SPRING_SUNDAY.atTime(9, 30), ProgrammeFixtures.SPRING_SUNDAY.atTime(11, 0)));
        long past = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        fixtures.signIn(Role.ORGANISER);
        var linked = new GroupForm();
        linked.setTitle("Linked " + UUID.randomUUID().toString().substring(0, 6));
        linked.setProgrammeSessionId(slot.id());
        var old = new GroupForm();
        old.setTitle("Old " + UUID.randomUUID().toString().substring(0, 6));
        old.setSessionSlot("Day 1 afternoon");
        workshops.addFacilitator(workshops.createGroup(edition.id(), linked).id(), facilitator.accountId());
        workshops.addFacilitator(workshops.createGroup(past, old).id(), facilitator.accountId());
        AccountFixtures.signOut();

        AccountFixtures.signIn(facilitator);
        MyGroupsView view = navigate("my/groups", MyGroupsView.class);
        assertThat($(Paragraph.class, view).all()).extracting(Paragraph::getText)
                .anySatisfy(t -> assertThat(t).contains("2027").contains("9:30").contains("(Europe/Vienna)")
                        .endsWith("Workshops I"))
                .contains("Day 1 afternoon");
    }

    @Test
    void a_facilitator_without_groups_is_told_so() {
        AccountFixtures.signIn(fixtures.create(Role.FACILITATOR));
        MyGroupsView view = navigate("my/groups", MyGroupsView.class);
        assertThat(view.getElement().getTextRecursively()).contains("You do not facilitate any workshop group yet.");
    }
}
