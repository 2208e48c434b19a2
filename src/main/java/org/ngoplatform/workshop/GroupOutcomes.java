package org.ngoplatform.workshop;

import java.util.List;

/** A group's outcomes at one moment: what every open screen shows after a change. */
public record GroupOutcomes(WorkshopGroupSummary group, List<OutcomeEntrySummary> entries) {

    public WorkflowState state() {
        return group.state();
    }
}
