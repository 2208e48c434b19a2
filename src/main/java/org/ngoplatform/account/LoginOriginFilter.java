package org.ngoplatform.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses a sign-in posted from another site (login CSRF: a foreign page signing the browser into the
 * attacker's account). Vaadin's login form posts a native form to {@code /login} without a CSRF token; browsers
 * send {@code Origin} with every POST (and {@code Referer} under our referrer policy), so a post whose Origin, or
 * failing that Referer, is not the app's own origin (the request's own, or {@code ngo.public-url}) gets 403.
 * A post with neither header cannot come from a page in a browser and is left to the password check.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private final String publicOrigin;

    LoginOriginFilter(String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login") && !sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    boolean sameOrigin(HttpServletRequest request) {
        String claimed = request.getHeader("Origin");
        if (claimed == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return true;
            }
            claimed = origin(referer);
        } else {
            claimed = origin(claimed);
        }
        if (claimed == null) {
            return false;
        }
        String own = origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return claimed.equals(own) || claimed.equals(publicOrigin);
    }

    /** scheme://host:port in lower case with the default port made explicit, or null for "null" or garbage. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
