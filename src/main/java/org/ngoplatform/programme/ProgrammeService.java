package org.ngoplatform.programme;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading an edition's programme (public wherever the edition is: drafts only for organisers) and editing it
 * (organisers). Every change is checked by {@link ProgrammeRules} under the edition's row lock, so two organisers
 * cannot book one room at once, and is recorded in the audit log under the edition.
 */
@Service
public class ProgrammeService {

    private final ProgrammeSessionRepository sessions;
    private final JdbcClient jdbc;
    private final EditionService editions;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    ProgrammeService(ProgrammeSessionRepository sessions, JdbcClient jdbc, EditionService editions, AuditLog audit, Clock clock,
                     @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.editions = editions;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The edition's programme, cancelled sessions left out; empty when the caller may not see the edition. Public. */
    @Transactional(readOnly = true)
    public Optional<Programme> programme(long editionId) {
        return editions.find(editionId).map(e -> new Programme(e, active(editionId)));
    }

    /**
     * Whether the edition has (not cancelled) sessions, without reading the edition: a registration asks before it
     * takes the edition's row lock which calendar its seat mail will carry. Signed-in callers only (it says
     * nothing about an edition they may not see beyond this yes or no).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean hasSessions(long editionId) {
        // Plain SQL, the statement Spring Data derived: its derived query cost a registration more CPU than any
        // statement under the edition's lock (12 % of the samples, docs/performance.md "Registration", issue 15 §2).
        return jdbc.sql("SELECT 1 FROM programme_session WHERE edition_id = ? AND cancelled_at IS NULL LIMIT 1")
                .param(editionId).query(Integer.class).optional().isPresent();
    }

    /**
     * The edition's workshop slots, in order of time: where its workshop groups can meet (for linking a group to
     * its slot). Public, as the programme is.
     */
    @Transactional(readOnly = true)
    public List<SessionSummary> workshopSlots(long editionId) {
        return programme(editionId).map(p -> p.sessions().stream()
                .filter(s -> s.kind() == SessionKind.WORKSHOP_SLOT).toList()).orElse(List.of());
    }

    /** Adds a session to the edition's programme. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public SessionSummary add(long editionId, SessionForm form) {
        EditionSummary edition = editions.lockForSeatChange(editionId);
        ProgrammeRules.Times times = ProgrammeRules.check(null, form, ProgrammeRules.Window.of(edition), active(editionId));
        Instant now = clock.instant();
        ProgrammeSession s = new ProgrammeSession(editionId, now);
        s.apply(form, times.start(), times.end(), now);
        s = sessions.saveAndFlush(s);
        audit.record("PROGRAMME_SESSION_ADDED", "edition:" + editionId, describe(s));
        return SessionSummary.of(s);
    }

    /** Changes a session; refused when someone changed it since {@code form.getVersion()}. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public SessionSummary update(long sessionId, SessionForm form) {
        ProgrammeSession s = sessions.findById(sessionId).filter(x -> !x.isCancelled())
                .orElseThrow(() -> new AccessDeniedException("No such session"));
        EditionSummary edition = editions.lockForSeatChange(s.getEditionId());
        if (form != null && s.getVersion() != form.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(ProgrammeSession.class, sessionId);
        }
        ProgrammeRules.Times times = ProgrammeRules.check(s.getId(), form, ProgrammeRules.Window.of(edition), active(s.getEditionId()));
        String before = describe(s);
        s.apply(form, times.start(), times.end(), clock.instant());
        sessions.flush();
        audit.record("PROGRAMME_SESSION_CHANGED", "edition:" + s.getEditionId(), before + " -> " + describe(s));
        return SessionSummary.of(s);
    }

    /**
     * Deletes a session from the programme. It is kept as cancelled, not erased: the programme's {@code .ics} still
     * carries it with STATUS:CANCELLED and a higher SEQUENCE, so calendars that imported it drop it on re-import.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public SessionSummary cancel(long sessionId) {
        ProgrammeSession s = sessions.findById(sessionId).orElseThrow(() -> new AccessDeniedException("No such session"));
        editions.lockForSeatChange(s.getEditionId());
        if (!s.isCancelled()) {
            s.cancel(clock.instant());
            sessions.flush();
            audit.record("PROGRAMME_SESSION_CANCELLED", "edition:" + s.getEditionId(), describe(s));
        }
        return SessionSummary.of(s);
    }

    /**
     * The whole programme as {@code .ics}, cancelled sessions included (as cancelled); empty when the caller may not
     * see the edition. Public.
     */
    @Transactional(readOnly = true)
    public Optional<ProgrammeCalendarFile> calendar(long editionId) {
        return editions.find(editionId).map(e -> new ProgrammeCalendarFile(ProgrammeCalendar.fileName(e, ""),
                ProgrammeCalendar.calendar(e, "NGO Platform " + e.title(),
                        sessions.findByEditionIdOrderByStartsAtAscEndsAtAscIdAsc(editionId).stream().map(SessionSummary::of).toList(),
                        url(editionId), clock.instant())));
    }

    /** One session as {@code .ics} (the same UID as in the whole programme). Public, as its edition is. */
    @Transactional(readOnly = true)
    public Optional<ProgrammeCalendarFile> sessionCalendar(long sessionId) {
        return sessions.findById(sessionId).flatMap(s -> editions.find(s.getEditionId()).map(e ->
                new ProgrammeCalendarFile(ProgrammeCalendar.fileName(e, "-session-" + s.getId()),
                        ProgrammeCalendar.calendar(e, "NGO Platform " + e.title(), List.of(SessionSummary.of(s)),
                                url(e.id()), clock.instant()))));
    }

    private String url(long editionId) {
        return publicUrl + "/editions/" + editionId + "/programme";
    }

    private List<SessionSummary> active(long editionId) {
        return sessions.findByEditionIdOrderByStartsAtAscEndsAtAscIdAsc(editionId).stream()
                .filter(s -> !s.isCancelled()).map(SessionSummary::of).toList();
    }

    /** How the audit log describes a session: words and times a reader takes in, e.g. "Workshops II" (session 4, workshop slot), 2027-04-13 07:30–09:00 UTC, room Riga. */
    private static String describe(ProgrammeSession s) {
        var day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
        var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC);
        boolean sameDay = day.format(s.getStartsAt()).substring(0, 10).equals(day.format(s.getEndsAt()).substring(0, 10));
        return "\"" + s.getTitle() + "\" (session " + s.getId() + ", " + s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "), " + day.format(s.getStartsAt()) + "–" + (sameDay ? time : day).format(s.getEndsAt()) + " UTC"
                + (s.getRoom() == null ? "" : ", room " + s.getRoom());
    }
}
