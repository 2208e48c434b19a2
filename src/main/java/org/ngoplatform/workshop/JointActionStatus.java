package org.ngoplatform.workshop;

public enum JointActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE
}
