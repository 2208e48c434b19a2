package org.ngoplatform.attendance;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A participant's own certificate of attendance: only for the person signed in (there is no way to ask for
 * someone else's), only once the edition has ended (its last day is over in its zone), and only for someone checked
 * in at least once. Each certificate handed out is audited.
 */
@Service
public class AttendanceCertificateService {

    private final AttendanceMarks marks;
    private final EditionService editions;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Translator translator;
    private final Clock clock;

    AttendanceCertificateService(AttendanceMarks marks, EditionService editions, RegistrationService registrations,
                                 AccountService accounts, AuditLog audit, Translator translator, Clock clock) {
        this.marks = marks;
        this.editions = editions;
        this.registrations = registrations;
        this.accounts = accounts;
        this.audit = audit;
        this.translator = translator;
        this.clock = clock;
    }

    /** The days the signed-in person was checked in at the edition, once it has ended; empty before or if never. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LocalDate> myAttendedDays(long editionId) {
        Optional<EditionSummary> edition = editions.find(editionId);
        if (edition.isEmpty() || !ended(edition.get())) {
            return List.of();
        }
        long me = CurrentAccount.requireId();
        return marks.ofAccount(me).stream().filter(m -> m.editionId() == editionId)
                .map(AttendanceMarks.Mark::day).distinct().sorted().toList();
    }

    /** The signed-in person's certificate in {@code locale} (en, de or ru); empty when {@link #myAttendedDays} is. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Optional<CertificateFile> myCertificate(long editionId, Locale locale) {
        List<LocalDate> days = myAttendedDays(editionId);
        if (days.isEmpty()) {
            return Optional.empty();
        }
        EditionSummary edition = editions.find(editionId).orElseThrow();
        AccountSummary me = accounts.me().orElseThrow();
        String organisation = registrations.mineFor(editionId).map(MyRegistration::organisationName).orElse(null);
        byte[] content = new CertificateWriter(translator, locale == null ? Locale.ENGLISH : locale)
                .write(edition, me.displayName(), organisation, days);
        audit.record("ATTENDANCE_CERTIFICATE_ISSUED", "account:" + me.id(), "edition:" + editionId + ", days=" + days.size());
        return Optional.of(new CertificateFile("certificate-of-attendance-" + edition.city() + "-" + edition.year() + ".docx", content));
    }

    private boolean ended(EditionSummary e) {
        return e.endsOn() != null && e.endsOn().isBefore(LocalDate.now(clock.withZone(ZoneId.of(e.timeZone()))));
    }
}
