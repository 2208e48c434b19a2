package org.ngoplatform.workshop;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells every open outcome screen of a group what changed, and who else is there. Changes are sent only after
 * the transaction committed, as a complete snapshot, so receivers never query with someone else's rights.
 * Delivery runs on its own threads: a listener typically calls {@code ui.access(..)}.
 */
@Component
public class OutcomeBroadcaster {

    /** An open screen of one group. */
    public interface Listener {
        void outcomesChanged(GroupOutcomes outcomes);

        void presenceChanged(List<String> names);
    }

    /** Undoes a registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private record Present(Listener listener, String name) {
    }

    private final Map<Long, Set<Present>> screens = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("outcome-broadcast-", 0).factory());

    /** Registers an open screen with the display name of the person looking at it (for presence). */
    public Registration register(long groupId, String displayName, Listener listener) {
        Present present = new Present(listener, displayName);
        screens.computeIfAbsent(groupId, id -> new CopyOnWriteArraySet<>()).add(present);
        firePresence(groupId);
        return () -> {
            Set<Present> set = screens.get(groupId);
            if (set != null && set.remove(present)) {
                firePresence(groupId);
            }
        };
    }

    /** The names of everyone with the group's page open (sorted, a name once). */
    public List<String> present(long groupId) {
        return screens.getOrDefault(groupId, Set.of()).stream().map(Present::name).distinct().sorted().toList();
    }

    /** Sends the snapshot once the current transaction committed (at once without a transaction). */
    void publishAfterCommit(GroupOutcomes outcomes) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(outcomes);
                }
            });
        } else {
            publish(outcomes);
        }
    }

    private void publish(GroupOutcomes outcomes) {
        for (Present p : screens.getOrDefault(outcomes.group().id(), Set.of())) {
            delivery.execute(() -> p.listener().outcomesChanged(outcomes));
        }
    }

    private void firePresence(long groupId) {
        List<String> names = present(groupId);
        for (Present p : screens.getOrDefault(groupId, Set.of())) {
            delivery.execute(() -> p.listener().presenceChanged(names));
        }
    }
}
