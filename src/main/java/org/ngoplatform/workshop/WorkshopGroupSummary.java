package org.ngoplatform.workshop;

import java.util.List;
import java.util.Set;

/** A workshop group as pages show it. Facilitator names are empty for anonymous visitors. */
public record WorkshopGroupSummary(long id, long editionId, String title, String description, boolean plenary,
                                   String sessionSlot, String room, Integer capacity, WorkflowState state,
                                   Set<Long> facilitatorIds, List<String> facilitatorNames, long version) {

    static WorkshopGroupSummary of(WorkshopGroup g, List<String> facilitatorNames) {
        return new WorkshopGroupSummary(g.getId(), g.getEditionId(), g.getTitle(), g.getDescription(), g.isPlenary(),
                g.getSessionSlot(), g.getRoom(), g.getCapacity(), g.getState(), g.getFacilitatorIds(),
                facilitatorNames, g.getVersion());
    }
}
