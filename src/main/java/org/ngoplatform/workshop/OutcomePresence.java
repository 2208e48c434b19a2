package org.ngoplatform.workshop;

import com.vaadin.flow.shared.Registration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Who has a group's outcome page open (on this instance). Every arrival and departure is published as an
 * {@link OutcomePresenceChanged} that open pages follow through {@code base.live.LiveUpdates}.
 */
@Component
public class OutcomePresence {

    /** One open page; identity, not the name, tells two pages of one person apart. */
    private static final class Visit {
        final String name;

        Visit(String name) {
            this.name = name;
        }
    }

    private final Map<Long, Set<Visit>> visits = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    OutcomePresence(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A page of the group is open for {@code displayName} until the returned registration is removed. */
    public Registration enter(long groupId, String displayName) {
        Visit visit = new Visit(displayName);
        visits.compute(groupId, (id, set) -> {
            Set<Visit> s = set == null ? new CopyOnWriteArraySet<>() : set;
            s.add(visit);
            return s;
        });
        changed(groupId);
        return () -> {
            boolean[] left = new boolean[1];
            visits.computeIfPresent(groupId, (id, set) -> {
                left[0] = set.remove(visit);
                return set.isEmpty() ? null : set;
            });
            if (left[0]) {
                changed(groupId);
            }
        };
    }

    /** The names of everyone with the group's page open (sorted, a name once). */
    public List<String> present(long groupId) {
        return visits.getOrDefault(groupId, Set.of()).stream().map(v -> v.name).distinct().sorted().toList();
    }

    private void changed(long groupId) {
        events.publishEvent(new OutcomePresenceChanged(groupId, present(groupId)));
    }
}
