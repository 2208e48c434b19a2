package org.ngoplatform.attendance;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.registration.ConfirmedParticipantSummary;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The donor's attendance workbook of an edition, through the shared export jobs; organisers only. */
@Service
public class AttendanceExportService {

    /** Language of the workbook: the donor's report is in English, as registration's participant workbook is. */
    static final Locale FILE_LOCALE = Locale.ENGLISH;

    private final EditionPoints editions;
    private final AttendanceMarks marks;
    private final RegistrationService registrations;
    private final ExportService exports;
    private final AuditLog audit;
    private final Translator translator;

    AttendanceExportService(EditionPoints editions, AttendanceMarks marks, RegistrationService registrations,
                            ExportService exports, AuditLog audit, Translator translator) {
        this.editions = editions;
        this.marks = marks;
        this.registrations = registrations;
        this.exports = exports;
        this.audit = audit;
        this.translator = translator;
    }

    /**
     * Exports the attendance sheet (one sheet per day, totals by country and organisation) through the shared export
     * jobs (progress, expiry, owner-only download, EXPORT_* audit entries), and audits it with its row count.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public ExportStatus exportSheet(long editionId) {
        EditionSummary edition = editions.require(editionId);
        List<LocalDate> days = AttendanceSheetWriter.days(editions.of(editionId));
        List<ConfirmedParticipantSummary> people = registrations.confirmedParticipants(editionId);
        List<AttendanceMarks.Mark> all = marks.ofEdition(editionId);
        long rows = (long) people.size() * days.size();
        var request = new ExportRequest("Attendance sheet", "edition:" + editionId,
                "attendance-" + edition.city() + "-" + edition.year(), ExportFormat.XLSX, rows, "", true);
        var writer = new AttendanceSheetWriter(translator, FILE_LOCALE);
        ExportStatus status = exports.start(request,
                ExportContent.xlsx(workbook -> writer.fill(workbook, edition, days, people, all)));
        audit.record("ATTENDANCE_EXPORTED", "edition:" + editionId, "days=" + days.size() + ", rows=" + rows);
        return status;
    }
}
