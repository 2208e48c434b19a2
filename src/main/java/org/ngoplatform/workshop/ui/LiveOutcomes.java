package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.OutcomeBroadcaster;

import java.util.List;

/**
 * Follows a group's outcomes for a page between its attach and detach: each change and who else has the group open
 * reach the page through {@link UI#access}, and the page counts as present meanwhile.
 */
final class LiveOutcomes {

    private final OutcomeBroadcaster broadcaster;
    private final long groupId;
    private final String myName;
    private final SerializableConsumer<GroupOutcomes> changed;
    private final SerializableConsumer<List<String>> present;
    private OutcomeBroadcaster.Registration registration;

    LiveOutcomes(OutcomeBroadcaster broadcaster, long groupId, String myName,
                 SerializableConsumer<GroupOutcomes> changed, SerializableConsumer<List<String>> present) {
        this.broadcaster = broadcaster;
        this.groupId = groupId;
        this.myName = myName;
        this.changed = changed;
        this.present = present;
    }

    /** From now on (again) the page in {@code ui} is present and receives every change. */
    void start(UI ui) {
        stop();
        registration = broadcaster.register(groupId, myName, new OutcomeBroadcaster.Listener() {
            @Override
            public void outcomesChanged(GroupOutcomes outcomes) {
                ui.access(() -> changed.accept(outcomes));
            }

            @Override
            public void presenceChanged(List<String> names) {
                ui.access(() -> present.accept(names));
            }
        });
        present.accept(broadcaster.present(groupId));
    }

    void stop() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
