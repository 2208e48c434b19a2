package org.ngoplatform.demo;

import org.ngoplatform.account.DemoAccounts;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionForm;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.ChoosingForm;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.RankingService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo accounts and one upcoming edition open for registration, with a two-day programme whose workshop slots hold
 * its workshop groups, for trying the app; only with the {@code demo} profile, never in a default start.
 * The seeded past editions (Tallinn 2013 and earlier) get no programme: the network's record has no dates for them
 * and a programme's sessions must fall on the edition's days, so their groups keep their old free-text slots
 * ("Day 1", "Day 2"), shown read-only.
 * The demo participant and facilitator hold confirmed places, and choosing is open on the first workshop slot with
 * both of them having ranked its groups, so the ranking, choosing, dashboard and check-in pages have content.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoAccounts accounts;
    private final EditionService editions;
    private final ProgrammeService programme;
    private final WorkshopService workshops;
    private final RegistrationService registrations;
    private final ChoosingService choosing;
    private final RankingService ranking;
    private final UserDetailsService users;
    private final Clock clock;

    DemoData(DemoAccounts accounts, EditionService editions, ProgrammeService programme, WorkshopService workshops,
             RegistrationService registrations, ChoosingService choosing, RankingService ranking, UserDetailsService users,
             Clock clock) {
        this.accounts = accounts;
        this.editions = editions;
        this.programme = programme;
        this.workshops = workshops;
        this.registrations = registrations;
        this.choosing = choosing;
        this.ranking = ranking;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = accounts.ensureDemoAccounts();
        log.info("Demo profile: {} demo accounts created (password {})", created, DemoAccounts.PASSWORD);
        if (editions.upcoming().isEmpty()) {
            asOrganiser(this::createUpcomingEdition);
        }
    }

    private void createUpcomingEdition() {
        LocalDate start = LocalDate.now(clock).plusMonths(4).withDayOfMonth(12);
        var form = new EditionForm();
        form.setCity("Vienna");
        form.setCountryCode("AT");
        form.setVenue("Demo venue");
        form.setStartsOn(start);
        form.setEndsOn(start.plusDays(1));
        form.setTimeZone("Europe/Vienna");
        form.setDescription("A demo edition: two days of workshop groups and a plenary on joint actions.");
        form.setCapacity(60);
        form.setRegistrationOpensAt(LocalDate.now(clock).minusDays(1).atStartOfDay());
        form.setRegistrationClosesAt(start.minusDays(14).atStartOfDay());
        var edition = editions.create(form);
        editions.changeStatus(edition.id(), EditionStatus.OPEN);
        Slot first = createProgramme(edition, start);
        long slot = first.id();
        // choosing open on the first slot until a week before the edition, 18:00 in its zone
        choosing.open(slot, ChoosingForm.closingAt(start.minusDays(7).atTime(18, 0)));
        List<Long> groups = new ArrayList<>(first.groups());
        for (String email : List.of("participant@demo.ngo-platform.local", "facilitator@demo.ngo-platform.local")) {
            as(users.loadUserByUsername(email), () -> {
                var request = new RegistrationRequest();
                request.setOrganisationName(email.startsWith("participant") ? "La Strada Moldova" : "KOK");
                request.setJobTitle("Counsellor");
                request.setPrivacyConsent(true);
                registrations.register(edition.id(), request);
                ranking.rank(slot, List.copyOf(groups));
            });
            java.util.Collections.reverse(groups);
        }
        log.info("Demo profile: upcoming edition {} opened for registration, with its programme", edition.title());
    }

    /** Two days: (returns the first workshop slot and its groups) an opening plenary, a workshop slot each day with two groups, lunch, a closing plenary. */
    private record Slot(long id, List<Long> groups) {}

    private Slot createProgramme(EditionSummary edition, LocalDate day1) {
        LocalDate day2 = day1.plusDays(1);
        session(edition, SessionKind.PLENARY, "Opening", day1, "09:00", "10:00", "Main hall");
        long morning = session(edition, SessionKind.WORKSHOP_SLOT, "Workshops I", day1, "10:30", "12:30", null);
        session(edition, SessionKind.BREAK, "Lunch", day1, "12:30", "13:30", null);
        long second = session(edition, SessionKind.WORKSHOP_SLOT, "Workshops II", day2, "09:30", "11:30", null);
        session(edition, SessionKind.PLENARY, "Joint actions", day2, "12:00", "13:00", "Main hall");
        long nonPunishment = group(edition, "Non-punishment in practice", morning, "Room A", 20);
        long compensation = group(edition, "Access to compensation", morning, "Room B", 20);
        group(edition, "Data protection and monitoring", second, "Room A", 20);
        group(edition, "Standards for service providers", second, "Room B", 20);
        return new Slot(morning, List.of(nonPunishment, compensation));
    }

    private long session(EditionSummary edition, SessionKind kind, String title, LocalDate day, String from, String to,
                         String room) {
        var form = new SessionForm();
        form.setKind(kind);
        form.setTitle(title);
        form.setRoom(room == null ? "" : room);
        form.setStartsAt(day.atTime(LocalTime.parse(from)));
        form.setEndsAt(day.atTime(LocalTime.parse(to)));
        return programme.add(edition.id(), form).id();
    }

    private long group(EditionSummary edition, String title, long slot, String room, int capacity) {
        var form = new GroupForm();
        form.setTitle(title);
        form.setProgrammeSessionId(slot);
        form.setRoom(room);
        form.setCapacity(capacity);
        return workshops.createGroup(edition.id(), form).id();
    }

    private static void asOrganiser(Runnable action) {
        run(UsernamePasswordAuthenticationToken.authenticated("demo-data", null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANISER")), action);
    }

    /** Runs the action as this demo account, then back as before. */
    private static void as(UserDetails account, Runnable action) {
        run(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()), action);
    }

    private static void run(org.springframework.security.core.Authentication who, Runnable action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
