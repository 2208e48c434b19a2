package org.ngoplatform.attendance.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.ngoplatform.attendance.AttendanceExportService;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.CheckInPointSummary;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ui.ExportButton;

/**
 * What only organisers get above the check-in list: the donor's attendance workbook, the printable sign-in sheet of
 * the chosen point, and the switch that lets the edition's workshop facilitators check people in.
 */
class CheckInTools extends Div {

    final ExportButton export;
    final Anchor signInSheet = new Anchor();
    final Checkbox facilitators = new Checkbox();
    private final long editionId;

    CheckInTools(AttendanceService attendance, AttendanceExportService attendanceExport, ExportService exports,
                 long editionId) {
        this.editionId = editionId;
        addClassName("check-in-tools");
        addClassName("no-print");
        export = new ExportButton(getTranslation("attendance.export"), exports, () -> attendanceExport.exportSheet(editionId));
        export.setId("attendance-export");
        signInSheet.setText(getTranslation("attendance.sign-in-sheet"));
        signInSheet.setId("sign-in-sheet-link");
        signInSheet.addClassName("button-link");
        pointChanged(null);
        facilitators.setLabel(getTranslation("attendance.delegate"));
        facilitators.setId("check-in-delegate");
        facilitators.setValue(attendance.facilitatorsMayCheckIn(editionId));
        facilitators.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                attendance.letFacilitatorsCheckIn(editionId, e.getValue());
            }
        });
        add(export, signInSheet, facilitators);
    }

    /** Points the sign-in sheet link at the chosen point. */
    void pointChanged(CheckInPointSummary p) {
        signInSheet.setHref("editions/" + editionId + "/sign-in-sheet" + (p == null ? "" : "?point=" + p.point().key()));
    }
}
