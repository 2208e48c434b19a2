package org.ngoplatform.messaging;

/** What a kept message was: an organiser's own, the reminder before an edition, or the waiting list's question. */
public enum MessageKind {
    MESSAGE, REMINDER, STILL_INTERESTED
}
