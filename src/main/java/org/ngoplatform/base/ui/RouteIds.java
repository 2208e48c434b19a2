package org.ngoplatform.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A route parameter that names a thing by its id. An id that is missing, not a number, too long for one, or
 * names nothing ends on "Page not found" ({@link NotFoundView}), never on an error page.
 */
public final class RouteIds {

    private RouteIds() {
    }

    /** The parameter as an id: empty when it is missing or not a whole number that fits in a {@code long}. */
    public static Optional<Long> id(BeforeEnterEvent event, String parameter) {
        Optional<String> text = event.getRouteParameters().get(parameter);
        if (text.isEmpty() || !text.get().matches("-?[0-9]{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get()));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * The thing the parameter names, found by {@code finder}. When there is none, the navigation is rerouted to
     * "Page not found" and the result is empty: the caller returns.
     */
    public static <T> Optional<T> find(BeforeEnterEvent event, String parameter, LongFunction<Optional<T>> finder) {
        Optional<T> found = id(event, parameter).flatMap(finder::apply);
        if (found.isEmpty()) {
            notFound(event);
        }
        return found;
    }

    /** Ends this navigation on "Page not found". */
    public static void notFound(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class);
    }
}
