package org.ngoplatform.registration;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Organisers' participant workbook of an edition, through the shared export jobs. */
@Service
public class ParticipantExportService {

    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final AuditLog audit;
    private final Translator translator;
    private final ExportService exports;

    ParticipantExportService(RegistrationRepository registrations, EditionService editions, AuditLog audit,
                             Translator translator, ExportService exports) {
        this.registrations = registrations;
        this.editions = editions;
        this.audit = audit;
        this.translator = translator;
        this.exports = exports;
    }

    /**
     * Exports the edition's participant list (confirmed and waiting) as an Excel workbook through the shared
     * export jobs (progress, expiry, owner-only download, EXPORT_* audit entries). Dietary and accessibility
     * needs only when {@code includeSpecialCategory}. Every export is also audited with its row count.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public ExportStatus exportParticipants(long editionId, boolean includeSpecialCategory) {
        EditionSummary edition = editions.require(editionId);
        List<RegistrationSummary> rows = registrations.activeRows(editionId);
        var request = new ExportRequest("Participant list", "edition:" + editionId,
                "participants-" + edition.city() + "-" + edition.year(), ExportFormat.XLSX, rows.size(),
                includeSpecialCategory ? "specialCategory=true" : "", true);
        var writer = new ParticipantWorkbookWriter(translator, RegistrationService.FILE_LOCALE);
        ExportStatus status = exports.start(request,
                ExportContent.xlsx(workbook -> writer.fill(workbook, edition, rows, includeSpecialCategory)));
        audit.record("REGISTRATIONS_EXPORTED", "edition:" + editionId,
                "rows=" + rows.size() + ", specialCategory=" + includeSpecialCategory);
        return status;
    }}
