package org.ngoplatform.privacy;

import jakarta.validation.Validator;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Per-edition retention of registration data. Organisers set the periods; {@link #runDue()} (scheduled daily)
 * first erases the special-category fields (dietary, accessibility), later the registration details, and records
 * each step and each advance warning in the audit log. With each advance warning every enabled organiser gets a
 * mail (through the mail outbox, in the job's transaction: the warning mark, its audit record and the mails exist
 * together or not at all). Registrations themselves stay, so counts stay right.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcClient jdbc;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration warnBefore;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Translator translator;
    private final String publicUrl;

    RetentionService(JdbcClient jdbc, Validator validator, AuditLog audit, Clock clock,
                     @Value("${ngo.privacy.retention-warning:P14D}") Duration warnBefore,
                     AccountService accounts, ApplicationEventPublisher events, Translator translator,
                     @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.accounts = accounts;
        this.events = events;
        this.translator = translator;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.jdbc = jdbc;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.warnBefore = warnBefore;
    }

    /** How long before a purge organisers are warned. */
    public Duration warningPeriod() {
        return warnBefore;
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void set(long editionId, RetentionForm form) {
        Validation.requireValid(validator, form,
                broken -> new PrivacyRejectedException(Validation.field(broken), "privacy.retention.invalid"));
        if (form.getDetailsDays() < form.getSpecialDays()) {
            throw new PrivacyRejectedException("detailsDays", "privacy.retention.order");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM edition WHERE id = ?").param(editionId).query(Long.class).single() == 0) {
            throw new PrivacyRejectedException("edition", "privacy.retention.no-edition");
        }
        int changed = jdbc.sql("""
                UPDATE edition_retention SET special_days = ?, details_days = ?, version = version + 1
                WHERE edition_id = ?""").params(form.getSpecialDays(), form.getDetailsDays(), editionId).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO edition_retention (edition_id, special_days, details_days, version) VALUES (?, ?, ?, 0)")
                    .params(editionId, form.getSpecialDays(), form.getDetailsDays()).update();
        }
        audit.record("RETENTION_SET", "edition:" + editionId,
                "special=" + form.getSpecialDays() + "d; details=" + form.getDetailsDays() + "d");
    }

    /** Every edition, newest first, with its retention and the due dates. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<EditionRetention> overview() {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " ORDER BY e.edition_year DESC, e.id DESC").query((rs, i) -> map(rs, now)).list();
    }

    /** Editions whose purge is due within the warning period (or overdue) and has not run. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<EditionRetention> warnings() {
        return overview().stream().filter(EditionRetention::warning).toList();
    }

    /** The retention job: warns and purges whatever is due now. Idempotent; returns how many steps it took. */
    @Scheduled(cron = "${ngo.privacy.retention-cron:0 17 2 * * *}")
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        int steps = 0;
        List<EditionRetention> all = jdbc.sql(SELECT + " WHERE r.edition_id IS NOT NULL AND e.ends_on IS NOT NULL ORDER BY e.id")
                .query((rs, i) -> map(rs, now)).list();
        for (EditionRetention e : all) {
            steps += step(e, now);
        }
        if (steps > 0) {
            log.info("Retention job: {} steps", steps);
        }
        return steps;
    }

    private int step(EditionRetention e, Instant now) {
        int steps = 0;
        String subject = "edition:" + e.editionId();
        if (e.specialPurgedAt() == null && !now.isBefore(e.specialDueAt())) {
            int rows = jdbc.sql("""
                    UPDATE registration SET dietary_needs = NULL, accessibility_needs = NULL, version = version + 1
                    WHERE edition_id = ? AND (dietary_needs IS NOT NULL OR accessibility_needs IS NOT NULL)""")
                    .param(e.editionId()).update();
            jdbc.sql("UPDATE edition_retention SET special_purged_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_PURGE_SPECIAL", subject, "dietary and accessibility needs erased in " + rows + " registrations");
            steps++;
        } else if (e.specialPurgedAt() == null && !now.isBefore(e.specialDueAt().minus(warnBefore)) && !warned(e, "special")) {
            jdbc.sql("UPDATE edition_retention SET warned_special_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_WARNING", subject, "dietary and accessibility needs will be erased on " + e.specialDueAt());
            mailOrganisers(e, "special", e.endsOn().plusDays(1L + e.specialDays()));
            steps++;
        }
        if (e.detailsPurgedAt() == null && !now.isBefore(e.detailsDueAt())) {
            int rows = jdbc.sql("""
                    UPDATE registration SET job_title = '', arrival_on = NULL, departure_on = NULL, dietary_needs = NULL,
                           accessibility_needs = NULL, cancel_reason = NULL, visa_letter = FALSE, version = version + 1
                    WHERE edition_id = ?""").param(e.editionId()).update();
            jdbc.sql("UPDATE edition_retention SET details_purged_at = ?, special_purged_at = COALESCE(special_purged_at, ?) WHERE edition_id = ?")
                    .params(Utc.of(now), Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_PURGE_DETAILS", subject, "registration details erased in " + rows + " registrations");
            steps++;
        } else if (e.detailsPurgedAt() == null && !now.isBefore(e.detailsDueAt().minus(warnBefore)) && !warned(e, "details")) {
            jdbc.sql("UPDATE edition_retention SET warned_details_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_WARNING", subject, "registration details will be erased on " + e.detailsDueAt());
            mailOrganisers(e, "details", e.endsOn().plusDays(1L + e.detailsDays()));
            steps++;
        }
        return steps;
    }

    /** One mail per enabled organiser, in their language; queued in the job's transaction. */
    private void mailOrganisers(EditionRetention e, String which, LocalDate purgeDay) {
        String edition = e.city() + " " + e.year();
        for (MailContact organiser : accounts.activeOrganisers()) {
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(organiser.locale()).format(purgeDay);
            events.publishEvent(new MailRequested(organiser.email(), organiser.locale(), MailTemplate.of("RETENTION", which),
                    organiser.displayName(), edition, day, publicUrl + "/admin/privacy"));
        }
    }

    private boolean warned(EditionRetention e, String which) {
        return jdbc.sql("SELECT COUNT(*) FROM edition_retention WHERE edition_id = ? AND warned_" + which + "_at IS NOT NULL")
                .param(e.editionId()).query(Long.class).single() > 0;
    }

    private static final String SELECT = """
            SELECT e.id, e.city, e.edition_year, e.ends_on, e.time_zone, r.edition_id AS has_retention, r.special_days,
                   r.details_days, r.special_purged_at, r.details_purged_at
            FROM edition e LEFT JOIN edition_retention r ON r.edition_id = e.id""";

    private EditionRetention map(ResultSet rs, Instant now) throws SQLException {
        LocalDate endsOn = rs.getObject("ends_on", LocalDate.class);
        boolean has = rs.getObject("has_retention") != null;
        Integer special = has ? rs.getInt("special_days") : null;
        Integer details = has ? rs.getInt("details_days") : null;
        Instant specialDue = null;
        Instant detailsDue = null;
        if (has && endsOn != null) {
            ZoneId zone = zone(rs.getString("time_zone"));
            // Kept for N full days after the last day of the edition, in the edition's own time zone.
            specialDue = endsOn.plusDays(1L + special).atStartOfDay(zone).toInstant();
            detailsDue = endsOn.plusDays(1L + details).atStartOfDay(zone).toInstant();
        }
        Instant specialPurged = Utc.read(rs, "special_purged_at");
        Instant detailsPurged = Utc.read(rs, "details_purged_at");
        boolean warning = (specialDue != null && specialPurged == null && !now.isBefore(specialDue.minus(warnBefore)))
                || (detailsDue != null && detailsPurged == null && !now.isBefore(detailsDue.minus(warnBefore)));
        return new EditionRetention(rs.getLong("id"), rs.getString("city"), rs.getInt("edition_year"), endsOn,
                special, details, specialDue, specialPurged, detailsDue, detailsPurged, warning);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
