package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.ngoplatform.base.live.LiveEvent;
import org.ngoplatform.base.live.LiveUpdates;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSubscriptionTest {

    record Changed(Long key) implements LiveEvent {
    }

    private final LiveUpdates live = new LiveUpdates();

    @Test
    void a_component_follows_only_while_it_is_attached() {
        UI ui = new UI();
        Div page = new Div();
        var following = LiveSubscription.follow(page, live, Changed.class, 42L, e -> { });
        assertThat(live.subscriberCount(Changed.class, 42L)).isZero();

        ui.add(page);
        assertThat(live.subscriberCount(Changed.class, 42L)).isEqualTo(1);
        ui.remove(page);
        assertThat(live.subscriberCount(Changed.class, 42L)).isZero();
        ui.add(page);
        ui.remove(page);
        ui.add(page);
        assertThat(live.subscriberCount(Changed.class, 42L)).as("no second subscription on a new attach").isEqualTo(1);

        following.remove();
        assertThat(live.subscriberCount(Changed.class, 42L)).isZero();
        ui.remove(page);
        ui.add(page);
        assertThat(live.subscriberCount(Changed.class, 42L)).as("stopped for good").isZero();
    }

    @Test
    void an_attached_component_follows_at_once() {
        UI ui = new UI();
        Div page = new Div();
        ui.add(page);
        var following = LiveSubscription.follow(page, live, Changed.class, 7L, e -> { });
        assertThat(live.subscriberCount(Changed.class, 7L)).isEqualTo(1);
        following.remove();
        assertThat(live.subscriberCount(Changed.class, 7L)).isZero();
    }
}
