package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * Errors in button clicks and other events: the person keeps the screen (and everything typed in it) and
 * sees what happened in plain words; the log gets the details with a reference. A request the client crafted
 * (Vaadin refuses it before any code of the app runs) is logged in one line as refused.
 */
@Component
class FriendlyErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {

        @Override
        public void error(ErrorEvent event) {
            Throwable error = event.getThrowable();
            UI ui = UI.getCurrent();
            if (Failures.isRefusedClientRequest(error)) {
                // a request no browser of ours sends: nothing to tell the person, nothing to debug
                log.warn("Refused request: {}", error.toString());
                return;
            }
            if (ui == null) {
                log.error("Error outside a UI", error);
                return;
            }
            String message = Failures.explain(ui, error);
            ui.access(() -> {
                Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.setId("error-notification");
            });
        }
    }
}
