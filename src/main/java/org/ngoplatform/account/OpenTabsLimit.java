package org.ngoplatform.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.UIInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.ngoplatform.base.security.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Bounds the Vaadin UIs (open tabs) one session holds. Every page load of the app, and every repeated
 * {@code ?v-r=init} request, makes a new UI with its view in the session; Vaadin itself drops a UI only after three
 * missed heartbeats (3 × {@code vaadin.heartbeatInterval}), so one session — an anonymous one too, which the new-visit
 * throttle no longer counts once it is live — could otherwise fill the heap with UIs at the rate it can send requests.
 * A session that has not signed in keeps at most {@code ngo.sessions.anonymous-tabs} UIs, a signed-in one at most
 * {@code ngo.sessions.signed-in-tabs}; a further one closes the session's UI that was heard from longest ago (the tab
 * left longest), never the new one. Only the session that opens too many tabs loses one of its own: nobody else's
 * session is touched. A closed tab shows Vaadin's "session expired" note on its next click and reloads.
 */
@Component
class OpenTabsLimit implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OpenTabsLimit.class);

    private final int anonymousTabs;
    private final int signedInTabs;

    OpenTabsLimit(@Value("${ngo.sessions.anonymous-tabs}") int anonymousTabs,
                  @Value("${ngo.sessions.signed-in-tabs}") int signedInTabs) {
        this.anonymousTabs = Math.max(1, anonymousTabs);
        this.signedInTabs = Math.max(1, signedInTabs);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(this::uiInit);
    }

    /** Runs in the request that makes the UI, with the session locked. */
    void uiInit(UIInitEvent event) {
        UI opened = event.getUI();
        VaadinSession session = opened.getSession();
        int cap = SignedIn.now() ? signedInTabs : anonymousTabs;
        List<UI> open = session.getUIs().stream().filter(ui -> ui != opened && !ui.isClosing())
                .sorted(Comparator.comparingLong(OpenTabsLimit::lastHeard).thenComparingInt(UI::getUIId))
                .toList();
        int tooMany = open.size() + 1 - cap;
        for (int i = 0; i < tooMany; i++) {
            open.get(i).close();
        }
        if (tooMany > 0) {
            log.debug("A session opened more than {} tabs: closed {} it heard from longest ago", cap, tooMany);
        }
    }

    private static long lastHeard(UI ui) {
        return ui.getInternals().getLastHeartbeatTimestamp();
    }
}
