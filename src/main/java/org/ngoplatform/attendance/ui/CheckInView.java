package org.ngoplatform.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceChanged;
import org.ngoplatform.attendance.AttendanceExportService;
import org.ngoplatform.attendance.AttendanceRejectedException;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.AttendeeSummary;
import org.ngoplatform.attendance.CheckInPointSummary;
import org.ngoplatform.attendance.CheckInSearch;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.base.ui.LiveSubscription;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportService;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The check-in list at the door, made for a phone (360 px): pick the day or session, search by name or
 * organisation, one tap marks someone present, one tap undoes it. Every open list of the same point follows the
 * others' marks live ({@link AttendanceChanged}, re-read with this viewer's rights). Organisers also get the
 * attendance workbook, the printable sign-in sheet and the switch that lets the edition's facilitators check in.
 */
@Route("editions/:editionId/check-in")
@RolesAllowed({Role.ORGANISER_NAME, Role.FACILITATOR_NAME})
class CheckInView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Select<CheckInPointSummary> point = new Select<>();
    private String zone = "";
    final TextField search = new TextField();
    final Span presentCount = new Span();
    final Div list = new Div();

    private final AttendanceService attendance;
    private final AttendanceExportService attendanceExport;
    private final EditionService editions;
    private final ExportService exports;
    private final LiveUpdates live;
    private EditionSummary edition;
    private List<AttendeeSummary> attendees = List.of();
    private Registration following;
    /** Organisers' tools (null for a facilitator). */
    CheckInTools tools;
    private String title = "";

    CheckInView(AttendanceService attendance, AttendanceExportService attendanceExport, EditionService editions,
                ExportService exports, LiveUpdates live) {
        this.attendance = attendance;
        this.attendanceExport = attendanceExport;
        this.editions = editions;
        this.exports = exports;
        this.live = live;
        addClassName("page");
        addClassName("check-in");
        setId("check-in");
        point.setLabel(getTranslation("attendance.check-in.point"));
        point.setItemLabelGenerator(p -> PointLabel.of(p, zone, getLocale()));
        point.setRequiredIndicatorVisible(true);
        AriaRequired.onSelectButton(point); // role=button allows no aria-required (axe aria-allowed-attr)
        point.setEmptySelectionAllowed(false);
        point.setId("check-in-point");
        point.setWidthFull();
        point.addValueChangeListener(change -> {
            if (change.getValue() != null && edition != null) follow();
        });

        search.setLabel(getTranslation("attendance.check-in.search"));
        search.setMaxLength(CheckInSearch.MAX_LENGTH);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setWidthFull();
        search.setId("check-in-search");
        search.addValueChangeListener(change -> render());

        presentCount.setId("check-in-count");
        presentCount.getElement().setAttribute("aria-live", "polite");
        list.addClassName("check-in-list");
        list.setId("check-in-list");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(e -> show(e,
                event.getLocation().getQueryParameters().getSingleParameter("point").orElse(null)));
    }

    private void show(EditionSummary e, String pointKey) {
        edition = null; // set once the point is chosen, so choosing it here does not follow twice
        title = getTranslation("attendance.check-in.title", e.title());
        zone = e.timeZone();
        removeAll();
        tools = null;
        add(new ViewHeader(title));
        if (!attendance.mayCheckIn(e.id())) {
            add(note("check-in-not-delegated", "attendance.check-in.not-delegated"));
            return;
        }
        List<CheckInPointSummary> points = attendance.points(e.id());
        if (points.isEmpty()) {
            add(note("check-in-no-points", "attendance.check-in.no-points"));
            return;
        }
        point.setItems(points);
        point.setValue(initial(points, pointKey, LocalDate.now(ZoneId.of(e.timeZone()))));
        add(point);
        if (CurrentAccount.hasRole(Role.ORGANISER)) {
            tools = new CheckInTools(attendance, attendanceExport, exports, e.id());
            add(tools);
        }
        add(search, presentCount, list);
        edition = e;
        follow();
    }

    /** The point named in the address, else the first of today, else the first. */
    private static CheckInPointSummary initial(List<CheckInPointSummary> points, String key, LocalDate today) {
        return points.stream().filter(p -> p.point().key().equals(key)).findFirst()
                .or(() -> points.stream().filter(p -> p.point().day().equals(today)).findFirst())
                .orElse(points.getFirst());
    }

    /** Follows the chosen point's marks live (one subscription at a time) and reads its list. */
    private void follow() {
        if (following != null) {
            following.remove();
        }
        if (tools != null) {
            tools.pointChanged(point.getValue());
        }
        following = LiveSubscription.follow(this, live, AttendanceChanged.class,
                AttendanceChanged.key(edition.id(), point.getValue().point()), changed -> {
                    if (isAttached()) reload();
                });
        reload();
    }

    void reload() {
        try {
            attendees = attendance.checkInList(edition.id(), point.getValue().point());
        } catch (AccessDeniedException withdrawn) {
            // an organiser took check-in back from the facilitators while this list was open
            removeAll();
            add(new ViewHeader(title), note("check-in-not-delegated", "attendance.check-in.not-delegated"));
            if (following != null) {
                following.remove();
                following = null;
            }
            return;
        }
        render();
    }

    private void render() {
        list.removeAll();
        CheckInSearch filter = CheckInSearch.of(search.getValue());
        long present = attendees.stream().filter(AttendeeSummary::present).count();
        presentCount.setText(getTranslation("attendance.check-in.count", present, attendees.size()));
        List<AttendeeSummary> shown = attendees.stream().filter(filter::matches).toList();
        if (shown.isEmpty()) {
            list.add(note("check-in-empty", attendees.isEmpty() ? "attendance.check-in.nobody" : "attendance.check-in.no-match"));
        }
        shown.forEach(a -> list.add(row(a)));
    }

    private Div row(AttendeeSummary a) {
        var name = new Span(a.name().isBlank() ? getTranslation("attendance.check-in.erased") : a.name());
        name.addClassName("check-in-name");
        String where = String.join(" · ", java.util.stream.Stream.of(a.organisation(),
                a.countryCode() == null ? null : Countries.name(a.countryCode(), getLocale()))
                .filter(s -> s != null && !s.isBlank()).toList());
        var details = new Span(where);
        details.addClassName("check-in-details");
        var who = new Div(name, details);
        who.addClassName("check-in-who");
        var row = new Div(who);
        row.addClassName("check-in-row");
        row.setId("attendee-" + a.accountId());
        if (a.present()) {
            row.addClassName("present");
            String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                    .format(LocalDateTime.ofInstant(a.markedAt(), ZoneId.of(edition.timeZone()))) + " (" + edition.timeZone() + ")";
            var status = new Span(a.markedBy() == null ? getTranslation("attendance.check-in.present-at", at)
                    : getTranslation("attendance.check-in.present-at-by", at, a.markedBy()));
            status.addClassName("check-in-status");
            who.add(status);
            var undo = new Button(getTranslation("attendance.check-in.undo"), click -> change(a, false));
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            undo.getElement().setAttribute("aria-label", getTranslation("attendance.check-in.undo-for", name.getText()));
            undo.setId("undo-" + a.accountId());
            row.add(undo);
        } else {
            var mark = new Button(getTranslation("attendance.check-in.mark"), VaadinIcon.CHECK.create(), click -> change(a, true));
            mark.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            mark.getElement().setAttribute("aria-label", getTranslation("attendance.check-in.mark-for", name.getText()));
            mark.setId("mark-" + a.accountId());
            row.add(mark);
        }
        return row;
    }

    /** One tap: marks or unmarks, then re-reads (a mark someone else made meanwhile shows up as well). */
    void change(AttendeeSummary a, boolean present) {
        try {
            if (present) {
                attendance.mark(edition.id(), point.getValue().point(), a.accountId());
            } else {
                attendance.unmark(edition.id(), point.getValue().point(), a.accountId());
            }
        } catch (AccessDeniedException withdrawn) {
            // shown by the reload below
        } catch (AttendanceRejectedException refused) {
            Notification.show(getTranslation(refused.messageKey()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private Paragraph note(String id, String key) {
        var p = new Paragraph(getTranslation(key));
        p.setId(id);
        return p;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
