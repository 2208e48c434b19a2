package org.ngoplatform.attendance;

import org.ngoplatform.base.WordDocument;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Writes a certificate of attendance as {@code .docx} through {@link WordDocument} (POI XWPF): title, who (name and
 * organisation), which edition, where and when, and the days the person was checked in. Every text goes into a run
 * as text, so a name like {@code <w:p>} or {@code {0}} appears literally and never becomes document XML or a
 * placeholder.
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
        try (WordDocument doc = new WordDocument()) {
            doc.centred(t("attendance.certificate.heading"), 26, true);
            doc.centred(t("attendance.certificate.certifies"), 12, false);
            doc.centred(name, 20, true);
            if (organisation != null && !organisation.isBlank()) {
                doc.centred(organisation, 14, false);
            }
            doc.centred(t("attendance.certificate.attended", edition.title()), 12, false);
            if (edition.venue() != null && !edition.venue().isBlank()) {
                doc.centred(edition.venue(), 12, false);
            }
            if (edition.startsOn() != null) {
                LocalDate last = edition.endsOn() == null ? edition.startsOn() : edition.endsOn();
                doc.centred(t("attendance.certificate.dates", date.format(edition.startsOn()), date.format(last)), 12, false);
            }
            doc.centred(t("attendance.certificate.days", days.size()), 12, false);
            for (LocalDate d : days) {
                doc.centred(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(d), 11, false);
            }
            doc.centred(t("attendance.certificate.issuer"), 11, false);
            return doc.bytes();
        }
    }

    private String t(String key, Object... params) {
        return translator.translate(key, locale, params);
    }
}
