package org.ngoplatform.workshop;

import org.ngoplatform.base.live.LiveEvent;

/**
 * A group's outcomes changed: the complete snapshot after the change, so open screens show it without querying
 * with someone else's rights. Published in the transaction of the change; screens get it after commit.
 */
public record OutcomesChanged(GroupOutcomes outcomes) implements LiveEvent {

    @Override
    public Object key() {
        return outcomes.group().id();
    }
}
