package org.ngoplatform.attendance;

import org.ngoplatform.base.live.LiveEvent;

/**
 * Someone was marked present or unmarked at a check-in point. Published in the transaction of the change; open
 * check-in lists of the same edition and point get it after commit and re-read the list with their viewer's rights
 * (the event carries no personal data). Coalesced like other live events: the latest per point wins.
 */
public record AttendanceChanged(long editionId, String pointKey) implements LiveEvent {

    public static String key(long editionId, CheckInPoint point) {
        return editionId + "/" + point.key();
    }

    @Override
    public Object key() {
        return editionId + "/" + pointKey;
    }
}
