package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.ngoplatform.base.i18n.LanguagePreference;
import org.ngoplatform.base.security.SignedIn;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Gives every new UI the language the person chose: in this session, or saved on their account. Runs
 * before the first view is built, so no reload is needed.
 */
@Component
class LanguageInitializer implements VaadinServiceInitListener {

    /** Marks a session whose account has no saved language, so the database is asked once. */
    private static final String NONE = "none";

    private final LanguagePreference preference;

    LanguageInitializer(LanguagePreference preference) {
        this.preference = preference;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    void apply(UI ui) {
        VaadinSession session = ui.getSession();
        Object chosen = session.getAttribute(MainLayout.LANGUAGE_SESSION_KEY);
        if (chosen == null && SignedIn.now()) {
            Locale saved = preference.load().orElse(null);
            chosen = saved == null ? NONE : saved;
            session.setAttribute(MainLayout.LANGUAGE_SESSION_KEY, chosen);
        }
        if (chosen instanceof Locale locale) {
            session.setLocale(locale);
            ui.setLocale(locale);
        }
    }
}
