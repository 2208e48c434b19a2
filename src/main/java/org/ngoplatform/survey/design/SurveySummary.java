package org.ngoplatform.survey.design;

import java.time.Instant;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyStatus;

/** A survey as lists and the editor show it. */
public record SurveySummary(long id, String publicKey, String title, String intro, String thankYou,
                            SurveyStatus status, SurveyAudience audience, SurveyAnonymity anonymity,
                            Instant opensAt, Instant closesAt, Integer responseLimit, int suppressionK,
                            int currentVersion, long responses) {

    static SurveySummary of(Survey s, long responses) {
        return new SurveySummary(s.getId(), s.getPublicKey(), s.getTitle(), s.getIntro(), s.getThankYou(),
                s.getStatus(), s.getAudience(), s.getAnonymity(), s.getOpensAt(), s.getClosesAt(),
                s.getResponseLimit(), s.getSuppressionK(), s.getCurrentVersion(), responses);
    }

    public SurveySettingsForm toForm() {
        SurveySettingsForm f = new SurveySettingsForm();
        f.setTitle(title);
        f.setIntro(intro);
        f.setThankYou(thankYou);
        f.setAudience(audience);
        f.setAnonymity(anonymity);
        f.setOpensAt(opensAt);
        f.setClosesAt(closesAt);
        f.setResponseLimit(responseLimit);
        f.setSuppressionK(suppressionK);
        return f;
    }
}
