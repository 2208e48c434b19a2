package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.MyProgramme;
import org.ngoplatform.workshop.MyProgrammeService;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class MyProgrammeViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired ProgrammeFixtures programmes;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;
    @Autowired MyProgrammeService mine;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long group(long editionId, String title, Long slot) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title);
            form.setProgrammeSessionId(slot);
            form.setRoom("Room 3");
            form.setCapacity(10);
            return workshops.createGroup(editionId, form).id();
        });
    }

    private String text(String id) {
        return find(Paragraph.class).withId(id).single().getElement().getTextRecursively();
    }

    @Test
    void a_confirmed_participant_sees_the_programme_in_the_editions_zone_with_their_group_in_its_slot() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        EditionSummary notMine = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        SessionSummary first = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(10, 30), SPRING_SATURDAY.atTime(12, 0)));
        SessionSummary second = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops II", null,
                SPRING_SUNDAY.atTime(10, 30), SPRING_SUNDAY.atTime(12, 0)));
        String title = "Shelters " + UUID.randomUUID().toString().substring(0, 6);
        long shelters = group(edition.id(), title, first.id());
        group(edition.id(), "Other " + UUID.randomUUID().toString().substring(0, 6), first.id());
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Counsellor"));
        memberships.join(shelters);

        assertThat(mine.mine()).extracting(p -> p.programme().edition().id()).containsExactly(edition.id());
        MyProgramme own = mine.mine().getFirst();
        assertThat(own.groupsIn(first.id())).extracting(g -> g.id()).containsExactly(shelters);
        assertThat(own.groupsIn(second.id())).isEmpty();

        MyProgrammeView view = navigate("my/programme", MyProgrammeView.class);
        assertThat(find(Section.class).withId("my-programme-" + edition.id()).exists()).isTrue();
        assertThat(find(Section.class).withId("my-programme-" + notMine.id()).exists()).isFalse();
        assertThat(text("my-group-in-" + first.id())).contains(title).contains("Room 3");
        assertThat(text("my-group-in-" + second.id())).isEqualTo(view.getTranslation("my-programme.no-group") + " "
                + view.getTranslation("my-programme.choose-group"));
        assertThat(find(ListItem.class).withId("my-session-" + first.id()).single().getElement().getTextRecursively())
                .contains("10:30").contains("Workshops I");
        assertThat(view.getElement().getTextRecursively()).contains("(Europe/Vienna)");
        Anchor ics = find(Anchor.class).withId("my-programme-ics-" + edition.id()).single();
        assertThat(ics.getText()).isEqualTo(view.getTranslation("my-programme.ics.all"));
        assertThat(ics.getHref()).isNotBlank();
    }

    @Test
    void a_participant_without_a_confirmed_place_is_told_that_the_programme_comes_with_one() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(10, 30), SPRING_SATURDAY.atTime(12, 0)));
        fixtures.signIn(Role.PARTICIPANT);

        MyProgrammeView view = navigate("my/programme", MyProgrammeView.class);

        assertThat(find(Paragraph.class).withId("my-programme-empty").single().getText())
                .isEqualTo(view.getTranslation("my-programme.empty"));
        assertThat(find(Section.class).withId("my-programme-" + edition.id()).exists()).isFalse();
    }
}
