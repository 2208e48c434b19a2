package org.ngoplatform.demo;

import org.ngoplatform.account.DemoAccounts;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Demo accounts and one upcoming edition open for registration, for trying the app; only with the
 * {@code demo} profile, never in a default start.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoAccounts accounts;
    private final EditionService editions;
    private final Clock clock;

    DemoData(DemoAccounts accounts, EditionService editions, Clock clock) {
        this.accounts = accounts;
        this.editions = editions;
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
        log.info("Demo profile: upcoming edition {} opened for registration", edition.title());
    }

    private static void asOrganiser(Runnable action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANISER")));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
