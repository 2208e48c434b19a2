package org.ngoplatform.survey.invite;

import java.time.Instant;

/** One invited person as the invitations list shows them: address, status as it may be shown, mails sent. */
public record SurveyInvitationSummary(long id, String email, ShownStatus status, int reminders, Instant invitedAt,
                                      Instant lastMailedAt) {
}
