package org.ngoplatform.survey;

import java.time.Instant;

/**
 * An open survey as other modules may show it: its responses only as the results page publishes them
 * ({@code responses} is the published text, "&lt;k" for a small count, and {@code responsesHidden} says so).
 */
public record OpenSurveySummary(long id, String title, Instant closesAt, String responses, boolean responsesHidden) {
}
