package org.ngoplatform.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Anything unexpected during navigation: logged with a reference the person can quote, shown without internals. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class InternalErrorView extends Div implements HasDynamicTitle, HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("error-page");
        if (Failures.isDatabaseUnavailable(parameter.getCaughtException())) {
            log.warn("Database unavailable while opening {}: {}", event.getLocation().getPath(), parameter.getCaughtException().toString());
            setId("unavailable");
            add(new H1(getTranslation("error.unavailable.title")),
                    new Paragraph(getTranslation("error.unavailable.text")),
                    new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("error.retry")));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while opening {}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        setId("internal-error");
        add(new H1(getTranslation("error.internal.title")),
                new Paragraph(getTranslation("error.internal.text", reference)),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        String heading = getChildren().filter(H1.class::isInstance).map(c -> ((H1) c).getText()).findFirst().orElse("");
        return heading.isEmpty() ? getTranslation("error.internal.title") : heading + " – " + getTranslation("app.name");
    }
}
