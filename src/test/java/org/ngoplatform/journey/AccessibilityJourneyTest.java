package org.ngoplatform.journey;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core over the main pages, light and dark: no serious or critical violations. */
class AccessibilityJourneyTest extends BrowserJourney {

    static final List<String> PUBLIC_PAGES = List.of("", "signup", "login", "privacy", "no-such-page");

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
