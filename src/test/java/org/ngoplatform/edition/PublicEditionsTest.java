package org.ngoplatform.edition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** What anyone sees of the editions on the home page: read in one plain-SQL query, as the entity would show it. */
@IntegrationTest
class PublicEditionsTest {

    @Autowired EditionService editions;
    @Autowired EditionFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired PlatformTransactionManager transactions;

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

    @Test
    void an_organisers_change_shows_on_the_home_page_at_once_though_the_editions_are_kept_in_memory() {
        EditionSummary open = fixtures.open(20);
        assertThat(editions.publicEditions().upcoming()).extracting(EditionSummary::id).contains(open.id());

        EditionSummary renamed = fixtures.asOrganiser(() -> editions.update(open.id(), renamedForm(open.id())));
        assertThat(editions.publicEditions().upcoming()).extracting(EditionSummary::id, EditionSummary::city)
                .contains(org.assertj.core.groups.Tuple.tuple(open.id(), renamed.city()));

        fixtures.asOrganiser(() -> editions.changeStatus(open.id(), EditionStatus.CLOSED));
        assertThat(editions.publicEditions().upcoming()).extracting(EditionSummary::id, EditionSummary::status)
                .contains(org.assertj.core.groups.Tuple.tuple(open.id(), EditionStatus.CLOSED));

        fixtures.moveToPast(open.id());
        assertThat(editions.publicEditions().past()).extracting(EditionSummary::id).contains(open.id());
        assertThat(editions.publicEditions().upcoming()).extracting(EditionSummary::id).doesNotContain(open.id());
    }

    @Test
    void what_a_visitor_read_while_a_change_was_uncommitted_is_not_kept_after_the_commit() {
        EditionSummary open = fixtures.open(20);
        EditionForm renamed = renamedForm(open.id());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            fixtures.asOrganiser(() -> editions.update(open.id(), renamed));
            // another visitor meanwhile, on another connection: the committed name, which the cache now holds
            PublicEditions during = CompletableFuture.supplyAsync(editions::publicEditions).join();
            assertThat(during.upcoming()).extracting(EditionSummary::city).contains(open.city()).doesNotContain(renamed.getCity());
        });

        assertThat(editions.publicEditions().upcoming()).extracting(EditionSummary::city)
                .contains(renamed.getCity()).doesNotContain(open.city());
    }

    private EditionForm renamedForm(long editionId) {
        EditionForm form = EditionForm.of(editions.require(editionId));
        form.setCity("Renamed-" + UUID.randomUUID().toString().substring(0, 6));
        return form;
    }
}
