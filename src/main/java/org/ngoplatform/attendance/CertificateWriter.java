package org.ngoplatform.attendance;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Writes a certificate of attendance as {@code .docx} with Apache POI's XWPF (already on the classpath for the
 * workbooks): title, who (name and organisation), which edition, where and when, and the days the person was
 * checked in. Every text goes into a run as text ({@link XWPFRun#setText}), so a name like {@code <w:p>} or
 * {@code {0}} appears literally and never becomes document XML or a placeholder.
 */
class CertificateWriter {

    private final Translator translator;
    private final Locale locale;

    CertificateWriter(Translator translator, Locale locale) {
        this.translator = translator;
        this.locale = locale;
    }

    byte[] write(EditionSummary edition, String name, String organisation, List<LocalDate> days) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            paragraph(doc, t("attendance.certificate.heading"), 26, true, ParagraphAlignment.CENTER);
            paragraph(doc, t("attendance.certificate.certifies"), 12, false, ParagraphAlignment.CENTER);
            paragraph(doc, name, 20, true, ParagraphAlignment.CENTER);
            if (organisation != null && !organisation.isBlank()) {
                paragraph(doc, organisation, 14, false, ParagraphAlignment.CENTER);
            }
            paragraph(doc, t("attendance.certificate.attended", edition.title()), 12, false, ParagraphAlignment.CENTER);
            if (edition.venue() != null && !edition.venue().isBlank()) {
                paragraph(doc, edition.venue(), 12, false, ParagraphAlignment.CENTER);
            }
            if (edition.startsOn() != null) {
                LocalDate last = edition.endsOn() == null ? edition.startsOn() : edition.endsOn();
                paragraph(doc, t("attendance.certificate.dates", date.format(edition.startsOn()), date.format(last)),
                        12, false, ParagraphAlignment.CENTER);
            }
            paragraph(doc, t("attendance.certificate.days", days.size()), 12, false, ParagraphAlignment.CENTER);
            for (LocalDate d : days) {
                paragraph(doc, DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(d), 11, false,
                        ParagraphAlignment.CENTER);
            }
            paragraph(doc, t("attendance.certificate.issuer"), 11, false, ParagraphAlignment.CENTER);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(200);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontSize(size);
        run.setText(text);
    }

    private String t(String key, Object... params) {
        return translator.translate(key, locale, params);
    }
}
