package org.ngoplatform.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import java.util.Optional;

/**
 * A page on a route whose parameter names one thing by its id ({@code admin/editions/:editionId/messages}): it finds
 * the thing once per navigation ({@link RouteIds#find}: "Page not found" for an id that does not parse or names
 * nothing), then shows it in {@link #enter(Object)}, which is called again when the route is entered again. The
 * page's title is set there with {@link #setPageTitle(String)}.
 *
 * @param <T> what the route's id names
 */
public abstract class IdRouteView<T> extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final String parameter;
    private String title = "";

    /**
     * @param parameter the route parameter holding the id
     * @param pageId    the page's element id (for tests and styles)
     */
    protected IdRouteView(String parameter, String pageId) {
        this.parameter = parameter;
        addClassName("page");
        setId(pageId);
    }

    /** The thing {@code id} names, or empty (the page then ends on "Page not found"). */
    protected abstract Optional<T> find(long id);

    /** Shows what the route named. */
    protected abstract void enter(T found);

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, parameter, this::find).ifPresent(this::enter);
    }

    protected final void setPageTitle(String title) {
        this.title = title;
    }

    @Override
    public final String getPageTitle() {
        return title;
    }
}
