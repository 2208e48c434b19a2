package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class WorkshopSlotLinkTest {

    @Autowired WorkshopService workshops;
    @Autowired ProgrammeFixtures programmes;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static GroupForm form(Long slot) {
        var f = new GroupForm();
        f.setTitle("Slot group " + UUID.randomUUID().toString().substring(0, 8));
        f.setProgrammeSessionId(slot);
        f.setCapacity(10);
        return f;
    }

    private SessionSummary slot(EditionSummary edition, String title, int hour) {
        return programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, title, null,
                SPRING_SATURDAY.atTime(hour, 0), SPRING_SATURDAY.atTime(hour + 2, 0)));
    }

    @Test
    void a_group_linked_to_a_workshop_slot_of_its_edition_shows_its_day_and_time_in_the_editions_zone() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary morning = slot(edition, "Workshops I", 9);
        accounts.signIn(Role.ORGANISER);

        assertThat(workshops.workshopSlots(edition.id())).extracting(GroupSlot::sessionId).containsExactly(morning.id());
        WorkshopGroupSummary g = workshops.createGroup(edition.id(), form(morning.id()));

        WorkshopGroupSummary read = workshops.group(g.id());
        assertThat(read.programmeSessionId()).isEqualTo(morning.id());
        assertThat(read.slot()).isNotNull();
        assertThat(read.slotLabel(Locale.UK)).contains("27 Mar 2027").contains("09:00–11:00").contains("(Europe/Vienna)")
                .endsWith("Workshops I");
        assertThat(read.slotKey()).isEqualTo("session:" + morning.id());
    }

    @Test
    void a_slot_of_another_edition_is_refused_with_a_message_for_the_picker_and_nothing_changes() {
        EditionSummary ours = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        EditionSummary other = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary ourSlot = slot(ours, "Ours", 9);
        SessionSummary foreign = slot(other, "Theirs", 9);
        accounts.signIn(Role.ORGANISER);
        WorkshopGroupSummary g = workshops.createGroup(ours.id(), form(ourSlot.id()));

        GroupForm change = GroupForm.of(g);
        change.setProgrammeSessionId(foreign.id());
        assertThatThrownBy(() -> workshops.updateGroup(g.id(), g.version(), change))
                .isInstanceOfSatisfying(WorkshopGroupRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("group.invalid.programmeSessionId"));
        GroupForm created = form(foreign.id());
        assertThatThrownBy(() -> workshops.createGroup(ours.id(), created))
                .isInstanceOfSatisfying(WorkshopGroupRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("group.invalid.programmeSessionId"));

        WorkshopGroupSummary after = workshops.group(g.id());
        assertThat(after.programmeSessionId()).isEqualTo(ourSlot.id());
        assertThat(after.version()).isEqualTo(g.version());
        assertThat(workshops.groupsOf(ours.id())).extracting(WorkshopGroupSummary::title).containsExactly(g.title());
    }

    @Test
    void a_session_that_is_not_a_workshop_slot_is_refused_and_nothing_changes() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary plenary = programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall",
                SPRING_SUNDAY.atTime(9, 0), SPRING_SUNDAY.atTime(10, 0)));
        accounts.signIn(Role.ORGANISER);
        GroupForm f = form(null);
        WorkshopGroupSummary g = workshops.createGroup(edition.id(), f);

        GroupForm change = GroupForm.of(g);
        change.setProgrammeSessionId(plenary.id());
        assertThatThrownBy(() -> workshops.updateGroup(g.id(), g.version(), change))
                .isInstanceOfSatisfying(WorkshopGroupRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("group.invalid.programmeSessionId"));
        assertThat(workshops.group(g.id()).programmeSessionId()).isNull();
        assertThat(jdbc.sql("select programme_session_id from workshop_group where id = ?").param(g.id())
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void old_free_text_stays_until_a_slot_is_picked_and_members_move_to_the_slot_with_their_group() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary morning = slot(edition, "Workshops I", 9);
        accounts.signIn(Role.ORGANISER);
        GroupForm old = form(null);
        old.setSessionSlot("Day 1 morning");
        WorkshopGroupSummary g = workshops.createGroup(edition.id(), old);
        assertThat(g.slotLabel(Locale.UK)).isEqualTo("Day 1 morning");

        WorkshopGroupSummary kept = workshops.updateGroup(g.id(), g.version(), GroupForm.of(g));
        assertThat(kept.sessionSlot()).isEqualTo("Day 1 morning");

        GroupForm pick = GroupForm.of(kept);
        pick.setProgrammeSessionId(morning.id());
        WorkshopGroupSummary linked = workshops.updateGroup(g.id(), kept.version(), pick);
        assertThat(linked.sessionSlot()).isNull();
        assertThat(linked.slotLabel(Locale.UK)).contains("(Europe/Vienna)");
    }
}
