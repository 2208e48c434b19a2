package org.ngoplatform.base.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import org.ngoplatform.base.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The menu entries the caller may open, worked out once per set of authorities. Vaadin's
 * {@link MenuConfiguration#getMenuEntries()} checks every menu route's access annotations anew on each call, and each
 * check looks up a roles checker through a classpath scan: that was about an eighth of the CPU an anonymous visit of
 * the home page cost (docs/performance.md). Which routes are accessible depends only on the access annotations and on
 * who is signed in with which authorities (the one-time-password guard reroutes navigation, it does not hide menu
 * entries), so every visitor without a sign-in shares one list, and each combination of roles another.
 */
@Component
class AccessibleMenu {

    /** Key of visitors who have not signed in. */
    private static final Set<String> ANONYMOUS = Set.of();

    private final Map<Set<String>, List<MenuEntry>> byAuthorities = new ConcurrentHashMap<>();

    List<MenuEntry> entries() {
        return byAuthorities.computeIfAbsent(authorities(), key -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }

    private static Set<String> authorities() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!SignedIn.is(auth)) {
            return ANONYMOUS;
        }
        Set<String> key = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        key.add("authenticated"); // a signed-in person without authorities is no visitor
        return Set.copyOf(key);
    }
}
