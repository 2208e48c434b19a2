package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone of the person looking (their browser's, as Vaadin learnt it when the page started), for times that
 * belong to no edition: when a mail was queued, when someone last signed in, when an audit event happened. UTC,
 * named "UTC", when the browser did not say. Shown with {@link org.ngoplatform.base.ZonedTimes}, which names it.
 */
public final class ViewerZone {

    /** Named "UTC" where it is shown ({@code ZoneOffset.UTC} would read "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private ViewerZone() {
    }

    public static ZoneId current() {
        UI ui = UI.getCurrent();
        var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
