package org.ngoplatform.survey.results;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTestData.Built;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.results.PublishedResultsService.PublishedResults;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing the suppressed results of a closed survey to a public link, and taking them down. */
@IntegrationTest
class PublishedResultsServiceTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTranslationService translations;
    @Autowired SurveyResultsService results;
    @Autowired PublishedResultsService publications;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private Built closedWithResponses() {
        Built survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        data.submit(survey, SurveyTestData.complete("ngo", 3, false));
        AccountFixtures.signIn(survey.analyst());
        builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
        return survey;
    }

    @Test
    void only_a_closed_survey_can_be_published() {
        Built open = data.openSurvey();
        AccountFixtures.signIn(open.analyst());
        assertThatThrownBy(() -> publications.publish(open.id())).isInstanceOf(PublicationRejectedException.class)
                .extracting(e -> ((PublicationRejectedException) e).messageKey()).isEqualTo("survey.publish.error.not-closed");
        assertThat(publications.publication(open.id())).isEmpty();
        assertThatThrownBy(() -> publications.publish(99_999_999L)).isInstanceOf(PublicationRejectedException.class);
    }

    @Test
    void only_analysts_and_organisers_may_publish_or_unpublish() {
        Built survey = closedWithResponses();
        for (Role role : List.of(Role.PARTICIPANT, Role.FACILITATOR)) {
            fixtures.signIn(role);
            assertThatThrownBy(() -> publications.publish(survey.id())).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> publications.unpublish(survey.id())).isInstanceOf(AuthorizationDeniedException.class);
        }
        fixtures.signIn(Role.ORGANISER);
        String slug = publications.publish(survey.id()).slug();
        assertThat(slug).matches("[A-Za-z0-9_-]{24}");
        assertThat(publications.unpublish(survey.id())).isTrue();
    }

    @Test
    void anyone_with_the_link_sees_the_suppressed_results_the_analyst_sees_without_free_text() {
        Built survey = closedWithResponses();
        String slug = publications.publish(survey.id()).slug();
        SurveyResults analysts = results.results(survey.id(), null, null);
        AccountFixtures.signOut();

        PublishedResults shown = publications.published(slug, null).orElseThrow();
        assertThat(shown.results().responses().display()).isEqualTo("7");
        assertThat(shown.results().questions()).extracting(q -> q.question().code())
                .containsExactly("role", "years", "claimed", "routes").doesNotContain("comment");
        for (QuestionResult q : shown.results().questions()) {
            QuestionResult theirs = analysts.questions().stream()
                    .filter(a -> a.question().code().equals(q.question().code())).findFirst().orElseThrow();
            assertThat(q.answered()).isEqualTo(theirs.answered());
            assertThat(q.options()).isEqualTo(theirs.options());
            assertThat(q.bins()).isEqualTo(theirs.bins());
            assertThat(q.mean()).isEqualTo(theirs.mean());
        }
        // the one NGO answer is hidden, and so is its complement
        QuestionResult role = shown.results().questions().getFirst();
        assertThat(role.options()).extracting(o -> o.count().display()).containsExactly("*", "<5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SURVEY_RESULTS_PUBLISHED' AND subject = ?")
                .param("survey:" + survey.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unpublishing_ends_the_link_at_once_and_publishing_again_makes_a_new_one() {
        Built survey = closedWithResponses();
        String first = publications.publish(survey.id()).slug();
        assertThat(publications.publish(survey.id()).slug()).as("publishing twice keeps the link").isEqualTo(first);
        assertThat(publications.unpublish(survey.id())).isTrue();
        assertThat(publications.unpublish(survey.id())).isFalse();
        AccountFixtures.signOut();
        assertThat(publications.published(first, null)).isEmpty();

        AccountFixtures.signIn(survey.analyst());
        String second = publications.publish(survey.id()).slug();
        assertThat(second).isNotEqualTo(first);
        AccountFixtures.signOut();
        assertThat(publications.published(first, null)).isEmpty();
        assertThat(publications.published(second, null)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SURVEY_RESULTS_UNPUBLISHED' AND subject = ?")
                .param("survey:" + survey.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_survey_opened_again_shows_nothing_on_its_link_until_it_closes() {
        Built survey = closedWithResponses();
        String slug = publications.publish(survey.id()).slug();
        builder.changeStatus(survey.id(), SurveyStatus.OPEN);
        AccountFixtures.signOut();
        assertThat(publications.published(slug, null)).isEmpty();
        AccountFixtures.signIn(survey.analyst());
        builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
        AccountFixtures.signOut();
        assertThat(publications.published(slug, null)).isPresent();
    }

    @Test
    void the_page_is_in_any_of_the_surveys_languages_and_a_wrong_slug_finds_nothing() {
        Built survey = closedWithResponses();
        translations.addLanguage(survey.id(), "de");
        translations.saveText(survey.id(), "de", SurveyTexts.questionKey("role"), "Ihre Rolle");
        translations.setFallback(survey.id(), "de", true);
        String slug = publications.publish(survey.id()).slug();
        AccountFixtures.signOut();

        PublishedResults german = publications.published(slug, "de").orElseThrow();
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.languages()).containsExactly("en", "de");
        assertThat(german.results().questions().getFirst().question().text()).isEqualTo("Ihre Rolle");
        PublishedResults unknown = publications.published(slug, "xx").orElseThrow();
        assertThat(unknown.language()).isEqualTo("en");
        assertThat(unknown.results().questions().getFirst().question().text()).isEqualTo("Question role");

        assertThat(publications.published(null, null)).isEmpty();
        assertThat(publications.published("short", null)).isEmpty();
        assertThat(publications.published("AAAAAAAAAAAAAAAAAAAAAAAA", null)).isEmpty();
        assertThat(publications.published(slug + "'--", null)).isEmpty();
    }
}
