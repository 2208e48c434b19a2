package org.ngoplatform.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in person opened something their roles do not allow. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends Div implements HasDynamicTitle, HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("error-page");
        setId("access-denied");
        add(new H1(getTranslation("error.denied.title")),
                new Paragraph(getTranslation("error.denied.text")),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        String heading = getChildren().filter(H1.class::isInstance).map(c -> ((H1) c).getText()).findFirst().orElse("");
        return heading.isEmpty() ? getTranslation("error.denied.title") : heading + " – " + getTranslation("app.name");
    }
}
