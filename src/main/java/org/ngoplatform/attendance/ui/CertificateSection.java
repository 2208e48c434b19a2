package org.ngoplatform.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.attendance.AttendanceCertificateService;
import org.ngoplatform.attendance.CertificateFile;
import org.ngoplatform.base.ui.FileDownload;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * On a past edition's page, for a participant who was checked in: their certificate of attendance to download
 * ({@code .docx}, in the page's language). Nobody else sees it.
 */
@org.springframework.stereotype.Component
class CertificateSection implements EditionPageSection {

    private final AttendanceCertificateService certificates;

    CertificateSection(AttendanceCertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Component> create(EditionSummary edition) {
        if (CurrentAccount.get().isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> days = certificates.myAttendedDays(edition.id());
        if (days.isEmpty()) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("edition-section");
        section.setId("certificate-section");
        section.add(new H2(section.getTranslation("attendance.certificate.section")));
        section.add(new Paragraph(section.getTranslation("attendance.certificate.section-days", days.size())));
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        DownloadHandler handler = FileDownload.of(() -> certificates.myCertificate(edition.id(), locale),
                CertificateFile::fileName, CertificateFile::content, CertificateFile.CONTENT_TYPE);
        var link = new Anchor(handler, section.getTranslation("attendance.certificate.download"));
        link.setId("certificate-download");
        section.add(new Div(link));
        return Optional.of(section);
    }
}
