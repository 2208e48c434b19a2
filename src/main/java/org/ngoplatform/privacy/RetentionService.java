package org.ngoplatform.privacy;

import jakarta.validation.Validator;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.ngoplatform.privacy.EditionEnds.EditionEnd;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-edition retention of registration data. Organisers set the periods; an edition without periods falls under
 * the default period ({@code ngo.privacy.default-retention}, P2Y after the edition's last day unless configured).
 * {@link #runDue()} (scheduled daily) first erases the special-category fields (dietary, accessibility), later the
 * registration details, through every module's {@link EditionRetentionPurger}, and records each step and each
 * advance warning in the audit log. With each advance warning every enabled organiser gets a mail (through the mail
 * outbox, in the job's transaction: the warning mark, its audit record and the mails exist together or not at all).
 * Registrations themselves stay, so counts stay right.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcClient jdbc;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration warnBefore;
    private final Period defaultPeriod;
    private final EditionEnds editions;
    private final List<EditionRetentionPurger> purgers;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    RetentionService(JdbcClient jdbc, Validator validator, AuditLog audit, Clock clock,
                     @Value("${ngo.privacy.retention-warning:P14D}") Duration warnBefore,
                     @Value("${ngo.privacy.default-retention:P2Y}") Period defaultPeriod,
                     EditionEnds editions, List<EditionRetentionPurger> purgers,
                     AccountService accounts, ApplicationEventPublisher events,
                     @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        if (defaultPeriod.isNegative()) {
            throw new IllegalArgumentException("ngo.privacy.default-retention must not be negative");
        }
        this.accounts = accounts;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.jdbc = jdbc;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.warnBefore = warnBefore;
        this.defaultPeriod = defaultPeriod;
        this.editions = editions;
        this.purgers = purgers;
    }

    /** How long before a purge organisers are warned. */
    public Duration warningPeriod() {
        return warnBefore;
    }

    /** How long after its last day an edition without periods keeps its registration data. */
    public Period defaultPeriod() {
        return defaultPeriod;
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void set(long editionId, RetentionForm form) {
        Validation.requireValid(validator, form,
                broken -> new PrivacyRejectedException(Validation.field(broken), "privacy.retention.invalid"));
        if (form.getDetailsDays() < form.getSpecialDays()) {
            throw new PrivacyRejectedException("detailsDays", "privacy.retention.order");
        }
        if (editions.all().stream().noneMatch(e -> e.editionId() == editionId)) {
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
        Map<Long, Kept> kept = kept();
        return editions.all().stream().map(e -> map(e, kept.get(e.editionId()), now)).toList();
    }

    /** One page of {@link #overview()}, for the lazy grid of the retention page. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<EditionRetention> overview(long offset, int limit) {
        Instant now = clock.instant();
        Map<Long, Kept> kept = kept();
        return editions.page(offset, limit).stream().map(e -> map(e, kept.get(e.editionId()), now)).toList();
    }

    /** How many editions {@link #overview()} lists. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public int editionCount() {
        return Math.toIntExact(editions.count());
    }

    /**
     * Editions whose purge is due within the warning period (or overdue) and has not run. Every edition can be due
     * (an edition without its own period falls under the default one), so every edition is looked at; each costs
     * a few comparisons in memory, and the page shows only the few that are due.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<EditionRetention> warnings() {
        return overview().stream().filter(EditionRetention::warning).toList();
    }

    /**
     * The retention job: warns and purges whatever is due now. Idempotent; returns how many steps it took. Scheduled
     * by {@link RetentionSchedule} (once over all instances).
     */
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        Map<Long, Kept> kept = kept();
        int steps = 0;
        for (EditionEnd edition : editions.all().reversed()) {
            if (edition.endsOn() != null) {
                Kept row = kept.get(edition.editionId());
                steps += step(map(edition, row, now), row, now);
            }
        }
        if (steps > 0) {
            log.info("Retention job: {} steps", steps);
        }
        return steps;
    }

    private int step(EditionRetention e, Kept row, Instant now) {
        int steps = 0;
        String subject = "edition:" + e.editionId();
        if (row == null && (!now.isBefore(e.specialDueAt().minus(warnBefore)) || !now.isBefore(e.detailsDueAt().minus(warnBefore)))) {
            // The default period applies: the job's bookkeeping needs a row, whose periods stay unset.
            jdbc.sql("INSERT INTO edition_retention (edition_id, special_days, details_days, version) VALUES (?, NULL, NULL, 0)")
                    .param(e.editionId()).update();
        }
        if (e.specialPurgedAt() == null && !now.isBefore(e.specialDueAt())) {
            String counts = counts(p -> p.purgeSpecialCategory(e.editionId()));
            jdbc.sql("UPDATE edition_retention SET special_purged_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_PURGE_SPECIAL", subject, "dietary and accessibility needs erased in " + counts);
            steps++;
        } else if (e.specialPurgedAt() == null && !now.isBefore(e.specialDueAt().minus(warnBefore))
                && (row == null || row.warnedSpecialAt() == null)) {
            jdbc.sql("UPDATE edition_retention SET warned_special_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_WARNING", subject, "dietary and accessibility needs will be erased on " + e.specialDueAt());
            mailOrganisers(e, "special", dueDay(e.endsOn(), e.specialDays()));
            steps++;
        }
        if (e.detailsPurgedAt() == null && !now.isBefore(e.detailsDueAt())) {
            String counts = counts(p -> p.purgeDetails(e.editionId()));
            jdbc.sql("UPDATE edition_retention SET details_purged_at = ?, special_purged_at = COALESCE(special_purged_at, ?) WHERE edition_id = ?")
                    .params(Utc.of(now), Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_PURGE_DETAILS", subject, "personal details erased in " + counts);
            steps++;
        } else if (e.detailsPurgedAt() == null && !now.isBefore(e.detailsDueAt().minus(warnBefore))
                && (row == null || row.warnedDetailsAt() == null)) {
            jdbc.sql("UPDATE edition_retention SET warned_details_at = ? WHERE edition_id = ?")
                    .params(Utc.of(now), e.editionId()).update();
            audit.record("RETENTION_WARNING", subject, "registration details will be erased on " + e.detailsDueAt());
            mailOrganisers(e, "details", dueDay(e.endsOn(), e.detailsDays()));
            steps++;
        }
        return steps;
    }

    /** Runs one step of every purger; each figure under its own words: "2 registrations, 5 attendance marks". */
    private String counts(java.util.function.ToIntFunction<EditionRetentionPurger> step) {
        return purgers.stream().map(p -> step.applyAsInt(p) + " " + p.countsWhat())
                .collect(java.util.stream.Collectors.joining(", "));
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

    /** Kept for N full days (or the default period) after the last day of the edition: the first day without the data. */
    private LocalDate dueDay(LocalDate endsOn, Integer days) {
        return days == null ? endsOn.plusDays(1).plus(defaultPeriod) : endsOn.plusDays(1L + days);
    }

    /** This feature's own bookkeeping per edition: the periods set (null: the default applies) and what was done. */
    private record Kept(Integer specialDays, Integer detailsDays, Instant warnedSpecialAt, Instant specialPurgedAt,
                        Instant warnedDetailsAt, Instant detailsPurgedAt) {
    }

    private Map<Long, Kept> kept() {
        Map<Long, Kept> kept = new HashMap<>();
        jdbc.sql("""
                SELECT edition_id, special_days, details_days, warned_special_at, special_purged_at, warned_details_at,
                       details_purged_at
                FROM edition_retention""").query((ResultSet rs) -> {
            kept.put(rs.getLong("edition_id"), new Kept(rs.getObject("special_days", Integer.class),
                    rs.getObject("details_days", Integer.class), Utc.read(rs, "warned_special_at"),
                    Utc.read(rs, "special_purged_at"), Utc.read(rs, "warned_details_at"), Utc.read(rs, "details_purged_at")));
        });
        return kept;
    }

    private EditionRetention map(EditionEnd e, Kept row, Instant now) {
        LocalDate endsOn = e.endsOn();
        Integer special = row == null ? null : row.specialDays();
        Integer details = row == null ? null : row.detailsDays();
        Instant specialDue = null;
        Instant detailsDue = null;
        if (endsOn != null) {
            // In the edition's own time zone.
            ZoneId zone = zone(e.timeZone());
            specialDue = dueDay(endsOn, special).atStartOfDay(zone).toInstant();
            detailsDue = dueDay(endsOn, details).atStartOfDay(zone).toInstant();
        }
        Instant specialPurged = row == null ? null : row.specialPurgedAt();
        Instant detailsPurged = row == null ? null : row.detailsPurgedAt();
        boolean warning = (specialDue != null && specialPurged == null && !now.isBefore(specialDue.minus(warnBefore)))
                || (detailsDue != null && detailsPurged == null && !now.isBefore(detailsDue.minus(warnBefore)));
        return new EditionRetention(e.editionId(), e.city(), e.year(), endsOn, special, details, specialDue, specialPurged,
                detailsDue, detailsPurged, warning);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
