package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.ChoosingFixtures;
import org.ngoplatform.workshop.ChoosingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RankingViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired ChoosingFixtures choosingFixtures;
    @Autowired RegistrationService registrations;
    @Autowired ChoosingService choosing;
    @Autowired org.ngoplatform.workshop.RankingService ranking;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    @Test
    void a_participant_ranks_by_buttons_named_for_each_group_saves_and_finds_the_way_from_their_programme() {
        ChoosingFixtures.OpenSlot slot = choosingFixtures.openSlot(5, 5, 5);
        long a = slot.groups()[0], b = slot.groups()[1], c = slot.groups()[2];
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));

        navigate("my/programme", MyProgrammeView.class);
        Anchor prompt = find(Anchor.class).withId("choose-" + slot.sessionId()).single();
        assertThat(prompt.getHref()).isEqualTo("my/programme/choose/" + slot.sessionId());

        RankingView view = navigate("my/programme/choose/" + slot.sessionId(), RankingView.class);
        assertThat(find(Paragraph.class).withId("ranking-deadline").single().getText()).contains("(Europe/Vienna)");
        test(button("add-" + b)).click();
        test(button("add-" + a)).click();
        test(button("add-" + c)).click();
        assertThat(button("up-" + a).getElement().getAttribute("aria-label"))
                .isEqualTo(view.getTranslation("ranking.up", view.mine().groups().get(0).title()));
        assertThat(button("up-" + b).isEnabled()).as("the first cannot move up").isFalse();
        test(button("up-" + a)).click();   // a, b, c
        test(button("down-" + b)).click(); // a, c, b
        test(button("remove-" + c)).click(); // a, b
        assertThat(find(ListItem.class).withId("unranked-" + c).exists()).isTrue();
        test(view.save).click();

        assertThat(ranking.mine(slot.sessionId()).orElseThrow().ranked()).containsExactly(a, b);
        RankingView again = navigate("my/programme/choose/" + slot.sessionId(), RankingView.class);
        assertThat(again.ranked.getChildren().map(item -> item.getId().orElse(""))).containsExactly("ranked-" + a, "ranked-" + b);
    }

    @Test
    void an_empty_ranking_or_one_after_the_deadline_is_explained_under_the_list_and_nothing_is_saved() {
        ChoosingFixtures.OpenSlot slot = choosingFixtures.openSlot(5, 5);
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));
        RankingView view = navigate("my/programme/choose/" + slot.sessionId(), RankingView.class);

        test(view.save).click();
        assertThat(view.error.getText()).isEqualTo(view.getTranslation("choosing.invalid.empty"));

        test(button("add-" + slot.groups()[1])).click();
        jdbc.update("update workshop_choosing set closes_at = ? where session_id = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusMinutes(1)), slot.sessionId());
        test(view.save).click();
        assertThat(view.error.getText()).isEqualTo(view.getTranslation("choosing.closed"));
        assertThat(ranking.mine(slot.sessionId()).orElseThrow().ranked()).isEmpty();

        navigate("my/programme/choose/" + slot.sessionId(), RankingView.class);
        assertThat(find(Button.class).withId("ranking-save").exists()).as("nothing to change after the deadline").isFalse();
    }

    @Test
    void while_choosing_is_open_the_edition_page_offers_ranking_instead_of_joining_the_slots_groups() {
        ChoosingFixtures.OpenSlot slot = choosingFixtures.openSlot(5, 5);
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));

        navigate("", com.vaadin.flow.component.Component.class);
        navigate("editions/" + slot.edition().id(), com.vaadin.flow.component.Component.class);

        long a = slot.groups()[0];
        assertThat(find(Anchor.class).withId("rank-" + a).single().getHref()).isEqualTo("my/programme/choose/" + slot.sessionId());
        assertThat(find(Button.class).withId("join-" + a).exists()).isFalse();
    }
}
