package org.ngoplatform.workshop;

import org.ngoplatform.base.live.LiveEvent;

import java.util.List;

/** Who has a group's outcome page open changed: everyone there now (sorted, a name once). */
public record OutcomePresenceChanged(long groupId, List<String> names) implements LiveEvent {

    public OutcomePresenceChanged {
        names = List.copyOf(names);
    }

    @Override
    public Object key() {
        return groupId;
    }

    /** Presence is counted per instance (who has the page open there), so it is not relayed to other instances. */
    @Override
    public boolean relayed() {
        return false;
    }
}
