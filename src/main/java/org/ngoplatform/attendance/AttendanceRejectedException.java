package org.ngoplatform.attendance;

import org.ngoplatform.base.RejectedException;

/**
 * A check-in the rules refuse (a point the edition does not have, someone without a confirmed seat); the message
 * key is in messages-attendance. Nothing was written.
 */
public class AttendanceRejectedException extends RejectedException {

    public AttendanceRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
