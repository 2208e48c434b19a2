package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import org.ngoplatform.base.live.LiveEvent;
import org.ngoplatform.base.live.LiveUpdates;

/**
 * Follows live events for a component while it is attached: subscribes on attach (at once if it already is),
 * unsubscribes on detach, and hands every event to the component's UI through {@link UI#access}, where
 * Vaadin's security context strategy gives the task the context of the person looking at the page.
 */
public final class LiveSubscription {

    private LiveSubscription() {
    }

    /** Returns a registration that stops following (also for the future attaches of {@code host}). */
    public static <E extends LiveEvent> Registration follow(Component host, LiveUpdates live, Class<E> type, Object key,
                                                            SerializableConsumer<E> onEvent) {
        Registration[] subscription = new Registration[1];
        SerializableConsumer<UI> subscribe = ui -> {
            if (subscription[0] != null) subscription[0].remove();
            subscription[0] = live.subscribe(type, key, event -> ui.access(() -> onEvent.accept(event)));
        };
        Runnable unsubscribe = () -> {
            if (subscription[0] != null) {
                subscription[0].remove();
                subscription[0] = null;
            }
        };
        Registration onAttach = host.addAttachListener(e -> subscribe.accept(e.getUI()));
        Registration onDetach = host.addDetachListener(e -> unsubscribe.run());
        host.getUI().ifPresent(subscribe);
        return () -> {
            onAttach.remove();
            onDetach.remove();
            unsubscribe.run();
        };
    }
}
