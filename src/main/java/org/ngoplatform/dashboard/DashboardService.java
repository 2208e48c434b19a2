package org.ngoplatform.dashboard;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationCount;
import org.ngoplatform.survey.SurveyOverview;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers the organisers' dashboard from the services of the modules that own each figure; every count is a
 * count query of its owner. The one place that decides what needs doing next.
 */
@Service
public class DashboardService {

    /** Countries and organisations shown by name; the rest are summed as "other". */
    public static final int TOP = 5;
    /** Registration closing within this many days is a thing to do. */
    public static final int CLOSING_SOON_DAYS = 7;
    static final int OPEN_SURVEYS = 10;

    private final EditionService editions;
    private final RegistrationAdminService registrations;
    private final WorkshopService workshops;
    private final MembershipService memberships;
    private final ProgrammeService programmes;
    private final SurveyOverview surveys;
    private final MailOutbox outbox;
    private final Clock clock;

    DashboardService(EditionService editions, RegistrationAdminService registrations, WorkshopService workshops,
                     MembershipService memberships, ProgrammeService programmes, SurveyOverview surveys,
                     MailOutbox outbox, Clock clock) {
        this.editions = editions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.memberships = memberships;
        this.programmes = programmes;
        this.surveys = surveys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The whole dashboard: every upcoming edition, soonest first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        List<EditionDashboard> upcoming = editions.upcoming().stream().map(this::of).toList();
        long failed = outbox.failedCount();
        List<ToDo> toDos = new ArrayList<>();
        if (failed > 0) {
            toDos.add(new ToDo("dashboard.todo.failed-mails", List.of(failed), "admin/outbox"));
        }
        if (upcoming.isEmpty()) {
            toDos.add(new ToDo("dashboard.todo.no-edition", List.of(), "admin/editions"));
        }
        return new Dashboard(upcoming, surveys.openSurveys(OPEN_SURVEYS), failed, toDos);
    }

    /** The figures of one edition (any edition an organiser may see). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public EditionDashboard edition(long editionId) {
        return of(editions.require(editionId));
    }

    private EditionDashboard of(EditionSummary e) {
        long id = e.id();
        Map<String, Long> status = new java.util.HashMap<>();
        registrations.countsByStatus(id).forEach(c -> status.put(c.key(), c.count()));
        long confirmed = status.getOrDefault("CONFIRMED", 0L);
        long waiting = status.getOrDefault("WAITLISTED", 0L);
        long active = confirmed + waiting;

        List<GroupFill> groups = groups(id);
        List<ToDo> toDos = new ArrayList<>();
        String admin = "admin/editions/" + id;
        if (programmes.programme(id).map(p -> p.sessions().isEmpty()).orElse(true)) {
            toDos.add(new ToDo("dashboard.todo.no-programme", List.of(e.title()), admin + "/programme"));
        }
        Instant now = clock.instant();
        if (e.isOpenForRegistration(now)) {
            LocalDate today = now.atZone(java.time.ZoneId.of(e.timeZone())).toLocalDate();
            LocalDate closes = e.registrationClosesAt().atZone(java.time.ZoneId.of(e.timeZone())).toLocalDate();
            long days = ChronoUnit.DAYS.between(today, closes);
            if (days <= CLOSING_SOON_DAYS) {
                toDos.add(new ToDo("dashboard.todo.closes", List.of(e.title(), days), "admin/editions"));
            }
        }
        long visa = registrations.visaLettersRequested(id);
        if (visa > 0) {
            toDos.add(new ToDo("dashboard.todo.visa", List.of(e.title(), visa), admin + "/registrations"));
        }
        long unfacilitated = groups.stream().filter(g -> !g.facilitated()).count();
        if (unfacilitated > 0) {
            toDos.add(new ToDo("dashboard.todo.no-facilitator", List.of(e.title(), unfacilitated), admin + "/groups"));
        }
        return new EditionDashboard(e, confirmed, waiting, status.getOrDefault("CANCELLED", 0L),
                registrations.receivedPerDay(id),
                top(registrations.countsByCountry(id), active),
                top(registrations.countsByOrganisation(id, TOP), active),
                groups, toDos);
    }

    private List<GroupFill> groups(long editionId) {
        Map<Long, Long> members = memberships.memberCounts(editionId);
        List<GroupFill> fills = new ArrayList<>();
        for (WorkshopGroupSummary g : workshops.groupsOf(editionId)) {
            if (g.plenary()) {
                continue;
            }
            fills.add(new GroupFill(g.id(), g.title(), g.sessionSlot(), members.getOrDefault(g.id(), 0L), g.capacity(),
                    !g.facilitatorIds().isEmpty()));
        }
        return fills;
    }

    /** The first {@link #TOP} counts by name and, when they do not add up to {@code total}, the rest as "other". */
    static List<Share> top(List<RegistrationCount> counts, long total) {
        List<Share> shares = new ArrayList<>();
        long shown = 0;
        for (RegistrationCount c : counts.subList(0, Math.min(TOP, counts.size()))) {
            shares.add(new Share(c.key(), c.count(), false));
            shown += c.count();
        }
        if (total > shown) {
            shares.add(new Share(null, total - shown, true));
        }
        return shares;
    }
}
