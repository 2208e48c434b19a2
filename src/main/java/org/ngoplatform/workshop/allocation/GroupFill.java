package org.ngoplatform.workshop.allocation;

/** How full one group is after an allocation. */
public record GroupFill(long groupId, int capacity, int placed) {

    public int freeSeats() {
        return capacity - placed;
    }
}
