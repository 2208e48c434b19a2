package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DebouncePhase;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

/**
 * For view tests: the browser window of the current UI resized to a width, delivered the way a browser delivers it
 * (the {@code window-resize} event that {@code Page.addBrowserWindowResizeListener} listens to).
 */
public final class BrowserWindow {

    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;

    private BrowserWindow() {
    }

    public static void resize(int width) {
        UI ui = UI.getCurrent();
        var data = JacksonUtils.createObjectNode();
        data.put("event.w", width);
        data.put("event.h", 800);
        data.put("for", DebouncePhase.TRAILING.getIdentifier());
        ui.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(ui.getElement(), "window-resize", data));
    }
}
