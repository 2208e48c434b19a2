package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class ChoosingAdminViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired ProgrammeFixtures programmes;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired ChoosingService choosing;
    @Autowired org.ngoplatform.workshop.RankingService ranking;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long group(long editionId, String title, long slot, int capacity) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title + " " + UUID.randomUUID().toString().substring(0, 4));
            form.setProgrammeSessionId(slot);
            form.setCapacity(capacity);
            return workshops.createGroup(editionId, form).id();
        });
    }

    private AccountPrincipal ranks(EditionSummary edition, long sessionId, Long... groups) {
        AccountPrincipal p = fixtures.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Counsellor"));
        ranking.rank(sessionId, List.of(groups));
        return p;
    }

    @Test
    void an_organiser_opens_choosing_previews_moves_publishes_and_unpublishes_from_the_groups_admin() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary slot = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(10, 0), SPRING_SATURDAY.atTime(12, 0)));
        long a = group(edition.id(), "Shelters", slot.id(), 1);
        long b = group(edition.id(), "Hotlines", slot.id(), 2);
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);

        navigate("admin/editions/" + edition.id() + "/groups", GroupsAdminView.class);
        Anchor link = find(Anchor.class).withId("choosing-link-" + slot.id()).single();
        assertThat(link.getHref()).isEqualTo("admin/choosing/" + slot.id());

        ChoosingAdminView view = navigate("admin/choosing/" + slot.id(), ChoosingAdminView.class);
        assertThat(view.compute.isVisible()).isFalse();
        test(view.open).click();
        assertThat(view.closesAt.isInvalid()).as("the deadline is required").isTrue();
        test(view.closesAt).setValue(LocalDateTime.now(ZoneId.of("Europe/Vienna")).minusHours(2).withNano(0));
        test(view.open).click();
        assertThat(view.closesAt.getErrorMessage()).isEqualTo(view.getTranslation("choosing.invalid.closesAt.past"));
        assertThat(ranking.choosing(slot.id())).isEmpty();
        test(view.closesAt).setValue(LocalDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(1).withNano(0));
        test(view.open).click();
        long seed = ranking.choosing(slot.id()).orElseThrow().seed();
        assertThat(view.status.getText()).contains(String.valueOf(seed)).contains("(Europe/Vienna)");

        AccountPrincipal first = ranks(edition, slot.id(), a, b);
        AccountPrincipal second = ranks(edition, slot.id(), a);
        AccountFixtures.signIn(organiser);
        test(view.compute).click();
        assertThat(find(NativeTable.class).withId("allocation-choices").exists()).isTrue();
        assertThat(find(NativeTable.class).withId("allocation-fills").exists()).isTrue();
        // optimal: the one who ranked only Shelters gets it, the other their second choice
        assertThat(view.preview.getElement().getTextRecursively()).contains(String.valueOf(seed));

        @SuppressWarnings("unchecked")
        ComboBox<WorkshopGroupSummary> moveSecond = find(ComboBox.class).withId("choosing-move-" + second.accountId()).single();
        test(moveSecond).selectItem(test(moveSecond).getSuggestions().getFirst());
        test(view.publish).click();

        assertThat(jdbc.queryForList("select group_id from workshop_membership where account_id = ?", Long.class,
                second.accountId())).containsExactly(b);
        assertThat(jdbc.queryForList("select group_id from workshop_membership where account_id = ?", Long.class,
                first.accountId())).as("the optimal allocation gave the first their second choice").containsExactly(b);
        assertThat(view.unpublish.isVisible()).isTrue();
        assertThat(view.compute.isVisible()).isFalse();

        test(view.unpublish).click();
        assertThat(jdbc.queryForObject("select count(*) from workshop_membership where group_id in (?, ?)", Long.class, a, b))
                .isZero();
        assertThat(view.compute.isVisible()).isTrue();
    }
}
