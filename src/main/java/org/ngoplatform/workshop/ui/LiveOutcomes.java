package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.base.ui.LiveSubscription;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.OutcomePresence;
import org.ngoplatform.workshop.OutcomePresenceChanged;
import org.ngoplatform.workshop.OutcomesChanged;

import java.util.List;

/**
 * Follows a group's outcomes for a page while it is attached: each committed change and who else has the group
 * open reach the page through {@link LiveSubscription} (after commit, via {@code ui.access}), and the page counts as
 * present meanwhile. Starts at once when the page is already attached.
 */
final class LiveOutcomes {

    private final Registration changes;
    private final Registration presenceChanges;
    private final Registration onAttach;
    private final Registration onDetach;
    private final OutcomePresence presence;
    private final long groupId;
    private final String myName;
    private final SerializableConsumer<List<String>> present;
    private Registration visit;

    LiveOutcomes(Component page, LiveUpdates live, OutcomePresence presence, long groupId, String myName,
                 SerializableConsumer<GroupOutcomes> changed, SerializableConsumer<List<String>> present) {
        this.presence = presence;
        this.groupId = groupId;
        this.myName = myName;
        this.present = present;
        changes = LiveSubscription.follow(page, live, OutcomesChanged.class, groupId, e -> changed.accept(e.outcomes()));
        presenceChanges = LiveSubscription.follow(page, live, OutcomePresenceChanged.class, groupId,
                e -> present.accept(e.names()));
        onAttach = page.addAttachListener(e -> enter());
        onDetach = page.addDetachListener(e -> leave());
        if (page.isAttached()) {
            enter();
        }
    }

    private void enter() {
        leave();
        visit = presence.enter(groupId, myName);
        present.accept(presence.present(groupId));
    }

    private void leave() {
        if (visit != null) {
            visit.remove();
            visit = null;
        }
    }

    /** Stops following (the page shows another group, or is gone). */
    void stop() {
        changes.remove();
        presenceChanges.remove();
        onAttach.remove();
        onDetach.remove();
        leave();
    }
}
