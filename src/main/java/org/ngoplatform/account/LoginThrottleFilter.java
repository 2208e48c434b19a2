package org.ngoplatform.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/** Refuses sign-in attempts while a throttle applies, before any password is checked. */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login")) {
            Duration wait = throttle.blockedFor(request.getParameter("username"), ClientAddress.of(request));
            if (!wait.isZero()) {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
