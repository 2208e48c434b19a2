package org.ngoplatform.survey;

import org.ngoplatform.base.live.LiveEvent;

import java.time.Duration;

/**
 * A survey received a submitted response. Open results views refresh after commit, at most once a second however
 * many responses arrive, and never on the respondent's request thread.
 */
public record SurveyResponseArrived(long surveyId) implements LiveEvent {

    @Override
    public Object key() {
        return surveyId;
    }

    @Override
    public Duration coalescing() {
        return Duration.ofSeconds(1);
    }
}
