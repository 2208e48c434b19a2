package org.ngoplatform.workshop;

import java.util.List;
import java.util.Set;

/**
 * A workshop group as pages show it. Facilitator names are empty for anonymous visitors. {@code slot} is the
 * programme's workshop slot the group meets in (null when it has none, or only old free text in {@code sessionSlot}).
 */
public record WorkshopGroupSummary(long id, long editionId, String title, String description, boolean plenary,
                                   String sessionSlot, Long programmeSessionId, GroupSlot slot, String room,
                                   Integer capacity, WorkflowState state,
                                   Set<Long> facilitatorIds, List<String> facilitatorNames, long version) {

    static WorkshopGroupSummary of(WorkshopGroup g, GroupSlot slot, List<String> facilitatorNames) {
        return new WorkshopGroupSummary(g.getId(), g.getEditionId(), g.getTitle(), g.getDescription(), g.isPlenary(),
                g.getSessionSlot(), g.getProgrammeSessionId(), slot, g.getRoom(), g.getCapacity(), g.getState(),
                g.getFacilitatorIds(), facilitatorNames, g.getVersion());
    }

    /** Groups with the same key meet at the same time: a member holds one group per key. */
    public String slotKey() {
        return programmeSessionId != null ? Membership.sessionKey(programmeSessionId) : sessionSlot == null ? "" : sessionSlot;
    }

    /**
     * The slot as shown: the session's day, times and zone with its title ({@link GroupSlot#label}), else the old free
     * text, else empty.
     */
    public String slotLabel(java.util.Locale locale) {
        if (slot != null) return slot.label(locale);
        return sessionSlot == null ? "" : sessionSlot;
    }
}
