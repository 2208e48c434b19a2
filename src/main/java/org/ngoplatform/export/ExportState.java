package org.ngoplatform.export;

/** Where an export job is. */
public enum ExportState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
