package org.ngoplatform.journey;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.EditionFixtures;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core over the main pages, light and dark: no serious or critical violations. */
class AccessibilityJourneyTest extends BrowserJourney {

    static final List<String> PUBLIC_PAGES = List.of("", "signup", "login", "privacy", "no-such-page",
            "s/compensation-professionals-2026");

    @Autowired EditionFixtures editionFixtures;
    @Autowired AccountFixtures accounts;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;

    @Test
    void public_pages_have_no_serious_or_critical_violations_in_light_and_dark() {
        List<String> problems = new ArrayList<>();
        for (String page : PUBLIC_PAGES) {
            open(page);
            problems.addAll(seriousViolations(page + " (light)"));
            click("theme-toggle");
            problems.addAll(seriousViolations(page + " (dark)"));
            click("theme-toggle");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void pages_of_a_signed_in_participant_have_no_serious_or_critical_violations() {
        EditionSummary open = editionFixtures.open(30);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);
        long edition2013 = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long group = workshops.groupsOf(edition2013).getFirst().id();

        signIn(participant.getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("", "editions/" + open.id(), "editions/" + open.id() + "/register",
                "my/registrations", "editions/" + edition2013 + "/groups/" + group, "editions/" + edition2013 + "/report")) {
            open(page);
            problems.addAll(seriousViolations(page + " (participant)"));
        }
        assertThat(problems).isEmpty();
    }

    protected List<String> seriousViolations(String where) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(where + ": " + rule.getId() + " – " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
        return found;
    }
}
