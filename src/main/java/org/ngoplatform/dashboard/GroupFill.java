package org.ngoplatform.dashboard;

/** How full a workshop group is: its members against its capacity (null: no limit), and whether anyone facilitates. */
public record GroupFill(long groupId, String title, String slot, long members, Integer capacity, boolean facilitated) {

    /** Filled share in percent (0 when there is no capacity), at most 100. */
    public int percent() {
        return capacity == null || capacity <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * members / capacity));
    }
}
