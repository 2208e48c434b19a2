package org.ngoplatform.account;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that decides a client's address for throttling (sign-in, password reset, sign-up): the
 * connection's remote address. Forwarded headers are not trusted here; behind a reverse proxy this must change
 * in this class only.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }

    /** The address of the request a Vaadin view is handling now, or null outside a request. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
