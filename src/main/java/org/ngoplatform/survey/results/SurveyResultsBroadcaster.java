package org.ngoplatform.survey.results;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;

/**
 * Tells open results views that a survey got a new response. Views subscribe on attach and call the
 * returned {@link Runnable} on detach. Listeners run on the submitting thread after commit and must hand
 * over to their UI themselves ({@code ui.access}).
 */
@Component
public class SurveyResultsBroadcaster {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

    public Runnable subscribe(long surveyId, LongConsumer listener) {
        listeners.computeIfAbsent(surveyId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(surveyId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public void responseArrived(long surveyId) {
        for (LongConsumer l : listeners.getOrDefault(surveyId, Set.of())) {
            try {
                l.accept(surveyId);
            } catch (RuntimeException ignored) {
                // one broken listener (a closed tab) must not stop the others
            }
        }
    }
}
