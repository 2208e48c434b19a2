package org.ngoplatform.registration;

import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailAttachment;
import org.ngoplatform.programme.ProgrammeService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The calendar a registration offers: the edition as one event ({@link IcsCalendar}, the "add to calendar" download
 * of one's confirmed registration) and the file a confirmation mail carries, which is the edition's whole programme
 * when it has sessions (through {@link ProgrammeService}) and that one event otherwise.
 */
@Component
class RegistrationCalendar {

    private final Translator translator;
    private final ProgrammeService programme;
    private final Clock clock;

    private static final Pattern NOT_IN_FILE_NAME = Pattern.compile("[^a-z0-9]+");

    RegistrationCalendar(Translator translator, ProgrammeService programme, Clock clock) {
        this.translator = translator;
        this.programme = programme;
        this.clock = clock;
    }

    /** The edition as one event for this registration; empty while the edition has no start day. */
    Optional<CalendarFile> event(Registration r, EditionSummary edition, String editionUrl) {
        return event(IcsCalendar.uid(r.getId()), edition, editionUrl);
    }

    private Optional<CalendarFile> event(String uid, EditionSummary edition, String editionUrl) {
        if (edition.startsOn() == null) {
            return Optional.empty();
        }
        String summary = translator.translate("ics.summary", RegistrationService.FILE_LOCALE, edition.city(), edition.year());
        String content = IcsCalendar.event(uid, edition, summary, editionUrl, clock.instant());
        return Optional.of(new CalendarFile("ngo-platform-" + NOT_IN_FILE_NAME.matcher(edition.city().toLowerCase(Locale.ROOT)).replaceAll("-")
                + "-" + edition.year() + ".ics", content));
    }

    /**
     * What a mail about a seat carries: the programme's {@code .ics} when the edition has (not cancelled) sessions,
     * otherwise the edition as one event; nothing while the edition has no start day, or if the file is too long to
     * attach.
     */
    Optional<MailAttachment> forMail(Registration r, EditionSummary edition, String editionUrl) {
        return forMail(r, edition, editionUrl, programme.programme(edition.id()).map(p -> !p.sessions().isEmpty()).orElse(false));
    }

    /** {@link #forMail(Registration, EditionSummary, String)} when the caller already knows whether there are sessions. */
    Optional<MailAttachment> forMail(Registration r, EditionSummary edition, String editionUrl, boolean hasSessions) {
        return forMail(IcsCalendar.uid(r.getId()), edition, editionUrl, hasSessions);
    }

    /**
     * {@link #forMail(Registration, EditionSummary, String, boolean)} for a registration not yet inserted (its id
     * unknown): the calendar's UID line is {@link #UNNUMBERED}, which {@link #numbered} turns into the registration's
     * once it is inserted. Lets a registration write its confirmation before it takes the edition's row lock
     * (docs/performance.md, "Registration"); the UID line is short (never folded) and no escaped text can hold it.
     */
    Optional<MailAttachment> forNewMail(EditionSummary edition, String editionUrl, boolean hasSessions) {
        return forMail(UNNUMBERED_UID, edition, editionUrl, hasSessions);
    }

    /** The attachment of {@link #forNewMail} with the UID of the inserted registration {@code registrationId}. */
    static MailAttachment numbered(MailAttachment file, long registrationId) {
        return file == null || !file.content().contains(UNNUMBERED) ? file : new MailAttachment(file.fileName(), file.mediaType(),
                file.content().replace(UNNUMBERED, "\r\nUID:" + IcsCalendar.uid(registrationId) + "\r\n"));
    }

    private static final String UNNUMBERED_UID = IcsCalendar.uid(0).replace("0", "unnumbered");
    static final String UNNUMBERED = "\r\nUID:" + UNNUMBERED_UID + "\r\n";

    private Optional<MailAttachment> forMail(String uid, EditionSummary edition, String editionUrl, boolean hasSessions) {
        Optional<CalendarFile> file = hasSessions
                ? programme.calendar(edition.id()).map(c -> new CalendarFile(c.fileName(), c.content()))
                : event(uid, edition, editionUrl);
        return file.filter(f -> MailAttachment.fits(f.content()))
                .or(() -> hasSessions ? event(uid, edition, editionUrl) : Optional.empty())
                .map(f -> MailAttachment.calendar(f.fileName(), f.content()));
    }
}
