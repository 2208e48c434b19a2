package org.ngoplatform.survey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.survey.SurveyStatus.ARCHIVED;
import static org.ngoplatform.survey.SurveyStatus.CLOSED;
import static org.ngoplatform.survey.SurveyStatus.DRAFT;
import static org.ngoplatform.survey.SurveyStatus.OPEN;

class SurveyStatusTest {

    @Test
    void a_survey_moves_draft_open_closed_archived_and_a_closed_one_may_open_again() {
        assertThat(DRAFT.nextStates()).containsExactly(OPEN);
        assertThat(OPEN.nextStates()).containsExactly(CLOSED);
        assertThat(CLOSED.nextStates()).containsExactly(OPEN, ARCHIVED);
        assertThat(ARCHIVED.nextStates()).isEmpty();
    }

    @Test
    void the_next_states_are_exactly_the_moves_allowed() {
        for (SurveyStatus from : SurveyStatus.values()) {
            for (SurveyStatus to : SurveyStatus.values()) {
                assertThat(from.nextStates().contains(to)).as(from + " -> " + to).isEqualTo(from.canMoveTo(to));
            }
        }
    }

    @Test
    void only_open_and_closed_surveys_are_reachable_by_their_link_and_only_archived_ones_are_read_only() {
        assertThat(DRAFT.isPublished()).isFalse();
        assertThat(OPEN.isPublished()).isTrue();
        assertThat(CLOSED.isPublished()).isTrue();
        assertThat(ARCHIVED.isPublished()).isFalse();
        assertThat(DRAFT.isEditable()).isTrue();
        assertThat(CLOSED.isEditable()).isTrue();
        assertThat(ARCHIVED.isEditable()).isFalse();
    }
}
