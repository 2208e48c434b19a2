package org.ngoplatform.privacy;

import java.time.Instant;

/** One published version of the privacy notice. */
public record PrivacyNotice(long id, String versionLabel, String body, Instant publishedAt) {
}
