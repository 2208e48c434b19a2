package org.ngoplatform.edition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What anyone sees of the editions on the home page: read in one plain-SQL query, as the entity would show it. */
@IntegrationTest
class PublicEditionsTest {

    @Autowired EditionService editions;
    @Autowired EditionFixtures fixtures;
    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_open_edition_is_upcoming_and_shown_exactly_as_the_edition_itself() {
        EditionSummary open = fixtures.open(20);

        PublicEditions shown = editions.publicEditions();

        assertThat(shown.upcoming()).contains(editions.require(open.id()));
        assertThat(shown.past()).extracting(EditionSummary::id).doesNotContain(open.id());
        assertThat(editions.upcoming()).isEqualTo(shown.upcoming());
        assertThat(editions.past()).isEqualTo(shown.past());
    }

    @Test
    void a_draft_is_shown_to_nobody_and_an_ended_edition_moves_to_the_past() {
        accounts.signIn(Role.ORGANISER);
        EditionSummary draft = editions.create(EditionFixtures.form(10, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30)));
        AccountFixtures.signOut();
        EditionSummary ended = fixtures.moveToPast(fixtures.open(10).id());

        PublicEditions shown = editions.publicEditions();

        assertThat(shown.upcoming()).extracting(EditionSummary::id).doesNotContain(draft.id(), ended.id());
        assertThat(shown.past()).extracting(EditionSummary::id).contains(ended.id()).doesNotContain(draft.id());
    }

    @Test
    void upcoming_editions_come_soonest_first_and_past_ones_newest_first() {
        PublicEditions shown = editions.publicEditions();

        assertThat(shown.upcoming()).extracting(EditionSummary::startsOn).isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        assertThat(shown.past()).extracting(EditionSummary::year).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(shown.past()).extracting(EditionSummary::city).contains("Warsaw", "Tallinn");
    }
}
