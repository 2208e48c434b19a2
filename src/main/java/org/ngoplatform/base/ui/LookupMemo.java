package org.ngoplatform.base.ui;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.internal.DevModeHandlerManager;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what Vaadin's {@link Lookup} found for two services it asks for on every visit. Vaadin's Spring lookup
 * ({@code SpringLookupInitializer.SpringLookup}) asks the Spring context and then, for any service that is not one of
 * Vaadin's own defaults, also scans the class path with a {@link java.util.ServiceLoader} (every nested jar of the
 * packaged app) on each call, even when a bean was found: the roles checker of the route access check
 * ({@code SecurityUtil.getRolesChecker} looks up {@link VaadinRolePrefixHolder}, a singleton bean) and the init request
 * ({@code DevModeHandlerManager.getDevModeHandler}, none in production mode) did so for every anonymous visit, a few
 * per cent of its CPU (docs/performance.md, "Anonymous visits: the next step"). Registering beans does not help, since
 * the scan runs after the bean is found; so this wraps the lookup and keeps the first answer for exactly these
 * services (a singleton bean, and a dev-mode handler that exists or not for the life of the app). Everything else
 * goes to Vaadin's lookup as before; nothing about access decisions is cached (the checker is asked on every
 * navigation, it only no longer searches the class path to find its role prefix holder).
 */
@Component
class LookupMemo implements VaadinServiceInitListener {

    /** Looked up on every visit, the same answer for the life of the app. */
    static final Set<Class<?>> REMEMBERED = Set.of(VaadinRolePrefixHolder.class, DevModeHandlerManager.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        Lookup lookup = context.getAttribute(Lookup.class);
        if (lookup != null && !(lookup instanceof Remembering)) {
            context.setAttribute(Lookup.class, new Remembering(lookup));
        }
    }

    /** Vaadin's lookup, with the first answer for {@link #REMEMBERED} services kept (an absent one too). */
    static final class Remembering implements Lookup {

        private final Lookup delegate;
        private final Map<Class<?>, Optional<Object>> found = new ConcurrentHashMap<>();

        Remembering(Lookup delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            if (!REMEMBERED.contains(serviceClass)) {
                return delegate.lookup(serviceClass);
            }
            return serviceClass.cast(found.computeIfAbsent(serviceClass,
                    type -> Optional.ofNullable(delegate.lookup(type))).orElse(null));
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            return delegate.lookupAll(serviceClass);
        }
    }
}
