package org.ngoplatform.survey.invite;

/**
 * How a survey's invitations stand. {@code started} counts links opened (for an anonymous survey: links used);
 * {@code completed} is null for an anonymous survey, whose list never tells completion per person nor in total
 * beside it (docs/security.md). {@code remindable}: how many a reminder would reach now.
 */
public record InvitationCounts(boolean anonymous, long invited, long started, Long completed, long remindable) {
}
