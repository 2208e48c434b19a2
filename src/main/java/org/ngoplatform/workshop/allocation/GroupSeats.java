package org.ngoplatform.workshop.allocation;

/** One group of the slot being allocated and how many places it has. */
public record GroupSeats(long groupId, int capacity) {

    public GroupSeats {
        if (capacity < 0) {
            throw new AllocationRejectedException("allocation.rejected.negative-capacity",
                    "group " + groupId + " has a negative capacity (" + capacity + ")");
        }
    }
}
