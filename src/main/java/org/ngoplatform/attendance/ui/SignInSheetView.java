package org.ngoplatform.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.AttendeeSummary;
import org.ngoplatform.attendance.CheckInPointSummary;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;

import java.util.List;

/**
 * The sign-in sheet of one day or session, to print on A4 and have people sign on paper: everyone with a confirmed
 * seat by name, with organisation, country and an empty signature column; the app's chrome and the buttons are left
 * out of the print (ngo-platform.css, {@code @media print}), the table header repeats on every page.
 */
@Route("editions/:editionId/sign-in-sheet")
@RolesAllowed({Role.ORGANISER_NAME, Role.FACILITATOR_NAME})
class SignInSheetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceService attendance;
    private final EditionService editions;
    /** The printed table, for tests. */
    NativeTable table;
    private String title = "";

    SignInSheetView(AttendanceService attendance, EditionService editions) {
        this.attendance = attendance;
        this.editions = editions;
        addClassName("page");
        addClassName("sign-in-sheet");
        setId("sign-in-sheet");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(e -> show(e,
                event.getLocation().getQueryParameters().getSingleParameter("point").orElse(null)));
    }

    private void show(EditionSummary e, String key) {
        removeAll();
        title = getTranslation("attendance.sheet.title", e.title());
        add(new ViewHeader(title));
        if (!attendance.mayCheckIn(e.id())) {
            add(new Paragraph(getTranslation("attendance.check-in.not-delegated")));
            return;
        }
        List<CheckInPointSummary> points = attendance.points(e.id());
        if (points.isEmpty()) {
            add(new Paragraph(getTranslation("attendance.check-in.no-points")));
            return;
        }
        CheckInPointSummary chosen = attendance.point(e.id(), key).orElse(points.getFirst());
        var back = new Anchor("editions/" + e.id() + "/check-in?point=" + chosen.point().key(),
                getTranslation("attendance.sheet.back"));
        var print = new Button(getTranslation("attendance.sheet.print"), click -> click.getSource().getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("sign-in-sheet-print");
        var actions = new Div(back, print);
        actions.addClassName("no-print");
        actions.addClassName("sign-in-sheet-actions");
        var point = new H2(PointLabel.of(chosen, e.timeZone(), getLocale()));
        point.setId("sign-in-sheet-point");
        add(actions, point, new Paragraph(getTranslation("attendance.sheet.venue", e.venue() == null ? "" : e.venue())));
        table = new NativeTable();
        table.setId("sign-in-sheet-table");
        var head = new NativeTableRow();
        for (String key2 : List.of("number", "name", "organisation", "country", "signature")) {
            head.add(new NativeTableHeaderCell(getTranslation("attendance.sheet.col." + key2)));
        }
        table.getHead().add(head);
        NativeTableBody body = table.getBody();
        int n = 0;
        for (AttendeeSummary a : attendance.checkInList(e.id(), chosen.point())) {
            var row = new NativeTableRow();
            row.add(new NativeTableCell(String.valueOf(++n)), new NativeTableCell(a.name()),
                    new NativeTableCell(a.organisation() == null ? "" : a.organisation()),
                    new NativeTableCell(a.countryCode() == null ? "" : Countries.name(a.countryCode(), getLocale())),
                    signature());
            body.add(row);
        }
        // on a phone the table scrolls inside its box rather than breaking names and headings in mid-word
        var scroll = new Div(table);
        scroll.addClassName("table-scroll");
        add(scroll);
    }

    private static NativeTableCell signature() {
        var cell = new NativeTableCell();
        cell.addClassName("signature");
        return cell;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
