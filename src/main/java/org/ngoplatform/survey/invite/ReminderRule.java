package org.ngoplatform.survey.invite;

import org.ngoplatform.survey.SurveyAnonymity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one rule for who gets a reminder: someone who has not answered (identified: link not used; anonymous: link
 * never opened, since "opened but not used" would tell who answered), who got fewer than {@code maxReminders}
 * reminders, and whose last mail (invitation or reminder) is at least {@code minGap} old. The store asks by
 * {@link #states}, {@link #maxReminders()} and {@link #lastMailedBefore}; {@link #eligible} says the same for one.
 */
public record ReminderRule(int maxReminders, Duration minGap) {

    public ReminderRule {
        if (maxReminders < 0 || minGap.isNegative()) {
            throw new IllegalArgumentException("maxReminders and minGap must not be negative");
        }
    }

    public List<InvitationState> states(SurveyAnonymity anonymity) {
        return anonymity == SurveyAnonymity.ANONYMOUS ? List.of(InvitationState.INVITED)
                : List.of(InvitationState.INVITED, InvitationState.OPENED);
    }

    public Instant lastMailedBefore(Instant now) {
        return now.minus(minGap);
    }

    public boolean eligible(SurveyAnonymity anonymity, InvitationState state, int reminders, Instant lastMailedAt, Instant now) {
        return states(anonymity).contains(state) && reminders < maxReminders && !lastMailedAt.isAfter(lastMailedBefore(now));
    }
}
