package org.ngoplatform.export;

import org.ngoplatform.base.live.LiveEvent;

/**
 * A job's progress or state changed; {@code sequence} counts the job's notices so a subscriber can drop one older
 * than what it already showed. Published outside any transaction by the job's thread, delivered to the owner's
 * progress dialog through {@code base.live.LiveUpdates} (coalesced to one every 200 ms, the last one always).
 */
record ExportProgressed(String jobId, long sequence, ExportStatus status) implements LiveEvent {

    @Override
    public Object key() {
        return jobId;
    }

    /** The job and its owner's dialog live on one instance (sticky sessions): nothing to relay. */
    @Override
    public boolean relayed() {
        return false;
    }
}
