package org.ngoplatform.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.annotation.Value;

/** The privacy notice people consent to; its version is stored with every consent. */
@Route("privacy")
@AnonymousAllowed
public class PrivacyNoticeView extends Div implements HasDynamicTitle {

    PrivacyNoticeView(@Value("${ngo.privacy.notice-version}") String version) {
        addClassName("page");
        // The notice has no controls; make it reachable and scrollable by keyboard.
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("privacy.title"));
        add(new ViewHeader(getTranslation("privacy.title")));
        add(new Paragraph(getTranslation("privacy.version", version)));
        for (String section : new String[]{"who", "what", "special", "why", "who-sees", "how-long", "rights"}) {
            add(new H2(getTranslation("privacy." + section + ".title")), new Paragraph(getTranslation("privacy." + section + ".text")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title");
    }
}
