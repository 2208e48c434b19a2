package org.ngoplatform.dashboard;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationCount;
import org.ngoplatform.survey.SurveyOverview;
import org.ngoplatform.workshop.ChoosingProgress;
import org.ngoplatform.workshop.ChoosingService;
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
    /**
     * Upcoming editions shown with all their figures: the network meets every year or two, so more than a few upcoming
     * at once means stale test or draft data, and a page of hundreds of charts (seen: 648 on a kept test database,
     * two minutes for the page) helps nobody. The rest are counted and reached from Editions.
     */
    public static final int SHOWN = 3;

    private final EditionService editions;
    private final RegistrationAdminService registrations;
    private final WorkshopService workshops;
    private final MembershipService memberships;
    private final ProgrammeService programmes;
    private final SurveyOverview surveys;
    private final MailOutbox outbox;
    private final Clock clock;
    private final ChoosingService choosing;

    DashboardService(EditionService editions, RegistrationAdminService registrations, WorkshopService workshops,
                     MembershipService memberships, ProgrammeService programmes, SurveyOverview surveys,
                     MailOutbox outbox, Clock clock, ChoosingService choosing) {
        this.choosing = choosing;
        this.editions = editions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.memberships = memberships;
        this.programmes = programmes;
        this.surveys = surveys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The dashboard: the {@link #SHOWN} soonest upcoming editions, soonest first, and how many more there are. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        return dashboard(null);
    }

    /** The dashboard with this edition's figures too ({@code null}: none), e.g. opened from the editions list. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Dashboard dashboard(Long alsoEditionId) {
        List<EditionSummary> all = editions.upcoming();
        List<EditionSummary> shown = new ArrayList<>(all.subList(0, Math.min(SHOWN, all.size())));
        if (alsoEditionId != null && shown.stream().noneMatch(e -> e.id() == alsoEditionId)) {
            editions.find(alsoEditionId).ifPresent(e -> shown.addFirst(e));
        }
        long more = all.stream().filter(e -> !shown.contains(e)).count();
        List<EditionDashboard> upcoming = shown.stream().map(this::of).toList();
        long failed = outbox.failedCount();
        List<ToDo> toDos = new ArrayList<>();
        if (failed > 0) {
            toDos.add(new ToDo("dashboard.todo.failed-mails", List.of(failed), "admin/outbox"));
        }
        if (all.isEmpty()) {
            toDos.add(new ToDo("dashboard.todo.no-edition", List.of(), "admin/editions"));
        }
        return new Dashboard(upcoming, more, surveys.openSurveys(OPEN_SURVEYS), failed, toDos);
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
        List<ChoosingProgress> choosings = choosing.progress(id);
        for (ChoosingProgress c : choosings) {
            if (!c.choosing().published() && !c.choosing().acceptsRankings(now)) {
                toDos.add(new ToDo("dashboard.todo.allocate", List.of(e.title(), c.choosing().slot().title(), c.ranked()),
                        "admin/choosing/" + c.choosing().sessionId()));
            }
        }
        return new EditionDashboard(e, confirmed, waiting, status.getOrDefault("CANCELLED", 0L),
                registrations.receivedPerDay(id),
                top(registrations.countsByCountry(id), active),
                top(registrations.countsByOrganisation(id, TOP), active),
                groups, toDos, choosings);
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
