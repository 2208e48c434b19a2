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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Unknown addresses get a friendly page, never a stack trace. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends Div implements HasDynamicTitle, HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("error-page");
        setId("not-found");
        add(new H1(getTranslation("error.not-found.title")),
                new Paragraph(getTranslation("error.not-found.text")),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        String heading = getChildren().filter(H1.class::isInstance).map(c -> ((H1) c).getText()).findFirst().orElse("");
        return heading.isEmpty() ? getTranslation("error.not-found.title") : heading + " – " + getTranslation("app.name");
    }
}
