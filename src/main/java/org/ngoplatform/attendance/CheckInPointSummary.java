package org.ngoplatform.attendance;

import java.time.LocalDateTime;

/**
 * A check-in point as lists show it: for a session its title and its times in the edition's zone; for a whole
 * day only the point (title and times null).
 */
public record CheckInPointSummary(CheckInPoint point, String sessionTitle, LocalDateTime startsAt, LocalDateTime endsAt) {
}
