package org.ngoplatform.base.ui;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.internal.DevModeHandlerManager;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Vaadin's lookup with the answers for the two services asked on every visit kept (see {@link LookupMemo}). */
class LookupMemoTest {

    /** Counts how often each service is looked up; knows only a role prefix holder. */
    private static final class Counting implements Lookup {
        final Map<Class<?>, AtomicInteger> asked = new ConcurrentHashMap<>();
        final VaadinRolePrefixHolder holder = new VaadinRolePrefixHolder("ROLE_");

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            asked.computeIfAbsent(serviceClass, c -> new AtomicInteger()).incrementAndGet();
            return serviceClass == VaadinRolePrefixHolder.class ? serviceClass.cast(holder) : null;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            asked.computeIfAbsent(serviceClass, c -> new AtomicInteger()).incrementAndGet();
            return List.of();
        }

        int asked(Class<?> type) {
            return asked.getOrDefault(type, new AtomicInteger()).get();
        }
    }

    private final Counting vaadins = new Counting();
    private final Lookup lookup = new LookupMemo.Remembering(vaadins);

    @Test
    void the_role_prefix_holder_is_looked_up_once_and_the_same_bean_given_every_time() {
        for (int i = 0; i < 3; i++) {
            assertThat(lookup.lookup(VaadinRolePrefixHolder.class)).isSameAs(vaadins.holder);
        }
        assertThat(vaadins.asked(VaadinRolePrefixHolder.class)).isEqualTo(1);
    }

    @Test
    void a_dev_mode_handler_manager_that_production_mode_lacks_is_looked_up_once() {
        for (int i = 0; i < 3; i++) {
            assertThat(lookup.lookup(DevModeHandlerManager.class)).isNull();
        }
        assertThat(vaadins.asked(DevModeHandlerManager.class)).isEqualTo(1);
    }

    @Test
    void every_other_service_goes_to_vaadins_lookup_each_time() {
        lookup.lookup(String.class);
        lookup.lookup(String.class);
        lookup.lookupAll(VaadinRolePrefixHolder.class);

        assertThat(vaadins.asked(String.class)).isEqualTo(2);
        assertThat(vaadins.asked(VaadinRolePrefixHolder.class)).isEqualTo(1);
    }
}
