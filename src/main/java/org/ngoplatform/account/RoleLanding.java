package org.ngoplatform.account;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a sign-in lands when no page was asked for first (a page asked for before signing in still wins):
 * organisers on their dashboard, facilitators on their groups, everyone else on the page a {@link PersonalStartPage}
 * names (a participant with a confirmed seat for an upcoming edition: their own programme), else on the home page. The addresses are routes of higher modules, named here as text so account knows none of them.
 */
class RoleLanding extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    static final String ORGANISER_START = "dashboard";
    static final String FACILITATOR_START = "my/groups";

    private final List<PersonalStartPage> personal;

    RoleLanding(List<PersonalStartPage> personal) {
        this.personal = List.copyOf(personal);
        setDefaultTargetUrl("/");
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String url = super.determineTargetUrl(request, response, authentication);
        if (!"/".equals(url) || authentication == null) {
            return url;
        }
        String start = start(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
        if (start.isEmpty() && authentication.getPrincipal() instanceof AccountPrincipal account) {
            // no start page of the role: a participant with an upcoming edition lands on their own programme
            start = personal.stream().map(p -> p.startFor(account.accountId())).flatMap(Optional::stream).findFirst().orElse("");
        }
        return "/" + start;
    }

    /** The start page (route, without the leading slash) for someone holding these authorities. */
    static String start(Set<String> authorities) {
        if (authorities.contains("ROLE_ORGANISER")) {
            return ORGANISER_START;
        }
        if (authorities.contains("ROLE_FACILITATOR")) {
            return FACILITATOR_START;
        }
        return "";
    }
}
