package org.ngoplatform.journey;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.CheckInPoint;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionForm;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.ChoosingFixtures;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkshopService;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core over the main pages, light and dark: no serious or critical violations. The pages are checked in three
 * classes ({@link AccessibilityJourneyTest}, {@link OrganiserAccessibilityJourneyTest},
 * {@link SurveyAccessibilityJourneyTest}) so that the suite's two test JVMs can share the work; this holds what they share.
 */
abstract class AccessibilityJourney extends BrowserJourney {


    static final List<String> PUBLIC_PAGES = List.of("", "signup", "login", "privacy", "no-such-page",
            "s/compensation-professionals-2026");

    @Autowired EditionFixtures editionFixtures;
    @Autowired AccountFixtures accounts;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired RegistrationService registrations;
    @Autowired OutcomeService outcomes;
    @Autowired SurveyTestData surveys;
    @Autowired org.ngoplatform.survey.SurveyPublicationFixtures publishedSurveys;
    @Autowired org.ngoplatform.survey.design.SurveyBuilderService surveyBuilder;
    @Autowired org.ngoplatform.survey.design.SurveyTranslationService surveyTranslation;
    @Autowired ProgrammeFixtures programmes;
    @Autowired MembershipService memberships;
    @Autowired ChoosingFixtures choosingFixtures;
    @Autowired ChoosingService choosing;
    @Autowired org.ngoplatform.workshop.RankingService ranking;
    @Autowired AttendanceService attendance;

    /** The accessible description Chromium computes for the element with this id (what a screen reader reads). */
    @SuppressWarnings("unchecked")
    String accessibleDescription(String id) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> root = (Map<String, Object>) chrome.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root");
        Object node = chrome.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root.get("nodeId"), "selector", "#" + id)).get("nodeId");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) chrome.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("nodeId", node, "fetchRelatives", false)).get("nodes");
        Map<String, Object> description = (Map<String, Object>) nodes.getFirst().get("description");
        return description == null ? "" : String.valueOf(description.get("value"));
    }

    /**
     * The current state of the page in both themes: first in the theme it is in, then, after the switch, in the other
     * (left there: the next page starts in it, the theme being kept in the session). Switching back after every pair
     * cost a round trip per page and checked nothing (docs/performance.md "Suite speed, 2026-12-07, journeys").
     */
    List<String> bothThemes(String where) {
        List<String> found = new ArrayList<>(seriousViolations(where + inTheme()));
        switchTheme(where);
        found.addAll(seriousViolations(where + inTheme()));
        return found;
    }

    /** Whether the page shows the dark theme (Vaadin's {@code Page.setColorScheme} sets the root's {@code color-scheme}). */
    boolean dark() {
        return "dark".equals(js("return document.documentElement.style.colorScheme"));
    }

    /** " (dark)" or " (light)": the theme the page shows now, which decides the rules {@link #seriousViolations} runs. */
    String inTheme() {
        return dark() ? " (dark)" : " (light)";
    }

    /** Clicks the theme toggle and checks that the page switched, so that a pair of checks covers both themes. */
    void switchTheme(String where) {
        boolean before = dark();
        click("theme-toggle");
        assertThat(dark()).as(where + ": the theme toggle switched the theme").isNotEqualTo(before);
    }

    /** A new workshop group of this edition, with this facilitator. */
    long groupOf(long edition, AccountPrincipal facilitator) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle("A11y group " + UUID.randomUUID().toString().substring(0, 6));
            form.setSessionSlot("Day 1 morning");
            form.setRoom("Room Riga");
            form.setCapacity(12);
            long id = workshops.createGroup(edition, form).id();
            workshops.addFacilitator(id, facilitator.accountId());
            return id;
        });
    }

    record ProgrammeEdition(long edition, long slot, long group) {}

    /**
     * An open edition with a programme of sessions of several kinds (one with speakers and a description, one
     * without a room), and a workshop group in its workshop slot.
     */
    ProgrammeEdition programmeEdition() {
        long edition = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true).id();
        var day = ProgrammeFixtures.SPRING_SATURDAY;
        SessionForm opening = ProgrammeFixtures.session(SessionKind.PLENARY, "Opening plenary", "Main hall", day.atTime(9, 0), day.atTime(10, 0));
        opening.setSpeakers("Anna Kovac, Jonas Berg");
        opening.setDescription("Welcome and the year in review.");
        programmes.add(edition, opening);
        SessionSummary slot = programmes.add(edition, ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT, "Workshops I", "Rooms 1–4",
                day.atTime(10, 30), day.atTime(12, 0)));
        programmes.add(edition, ProgrammeFixtures.session(SessionKind.BREAK, "Lunch", null, day.atTime(12, 0), day.atTime(13, 0)));
        programmes.add(edition, ProgrammeFixtures.session(SessionKind.SOCIAL, "Network dinner", "Heuriger", day.atTime(19, 0), day.atTime(22, 0)));
        long group = editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle("A11y group " + UUID.randomUUID().toString().substring(0, 6));
            form.setProgrammeSessionId(slot.id());
            form.setRoom("Room 3");
            form.setCapacity(12);
            return workshops.createGroup(edition, form).id();
        });
        return new ProgrammeEdition(edition, slot.id(), group);
    }

    /** A slot with open choosing (two groups) where this participant holds a confirmed place and ranked the first group. */
    ChoosingFixtures.OpenSlot rankedSlot(AccountPrincipal participant) {
        ChoosingFixtures.OpenSlot slot = choosingFixtures.openSlot(12, 12);
        AccountFixtures.signIn(participant);
        try {
            registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));
            ranking.rank(slot.sessionId(), List.of(slot.groups()[0]));
        } finally {
            AccountFixtures.signOut();
        }
        return slot;
    }

    long edition2013() {
        return editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
    }

    /**
     * Opens the page (and, if given, the dialog behind a button), checks it in light and in dark (in the theme it opens
     * in first, see {@link #bothThemes}). A modal dialog blocks the theme toggle, so it is closed (Escape) to switch and
     * opened again.
     */
    List<String> lightAndDark(String page, String dialogButton) {
        String where = page + (dialogButton == null ? "" : " [" + dialogButton + "]");
        open(page);
        if (dialogButton == null) {
            return bothThemes(where);
        }
        openDialog(dialogButton);
        List<String> found = new ArrayList<>(seriousViolations(where + inTheme()));
        closeDialog();
        switchTheme(where);
        openDialog(dialogButton);
        found.addAll(seriousViolations(where + inTheme()));
        closeDialog();
        return found;
    }

    void openDialog(String button) {
        click(button);
        wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("vaadin-dialog[opened]")).isEmpty());
    }

    void closeDialog() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitForVaadin();
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("vaadin-dialog[opened]")).isEmpty());
    }

    static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? String.valueOf(html) : html.substring(0, 160) + "…";
    }

    /** CSS transitions running in the page and in every shadow root (where Lumo styles a field's label). */
    private static final String RUNNING_TRANSITIONS = """
            const out = [];
            const walk = root => {
                root.getAnimations().filter(a => a instanceof CSSTransition && a.playState === 'running')
                    .forEach(a => out.push(a.transitionProperty + ' of ' + a.effect.target.outerHTML.substring(0, 100)));
                root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) walk(e.shadowRoot); });
            };
            walk(document);
            return out;""";

    @SuppressWarnings("unchecked")
    List<String> runningTransitions() {
        return (List<String>) js(RUNNING_TRANSITIONS);
    }

    /** axe-core's script as the library ships it (its default script provider reads the same resource). */
    private static final String AXE_SCRIPT = axeScript();

    private static String axeScript() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * axe judges the page as it stays: a label that the test's own focus or click set fading to its new colour
     * (0.2 s) is checked once it got there, not in between.
     */
    /** The axe rules whose outcome depends on colours, hence on the theme. */
    private static final List<String> THEME_RULES = List.of("color-contrast", "link-in-text-block");

    protected List<String> seriousViolations(String where) {
        newWait(driver, 30)
                .withMessage(() -> where + ": transitions still running " + runningTransitions())
                .until(d -> runningTransitions().isEmpty());
        // The theme switch changes colours only (an attribute on <html>, no element, label or role), so a page
        // already checked with every rule in light is checked in dark with the rules that read colours; that
        // halves the time of the dark checks (the slowest part of the suite) and misses nothing the dark theme can break.
        AxeRunOptions options = new AxeRunOptions();
        if (where.contains("dark")) {
            AxeRunOnlyOptions only = new AxeRunOnlyOptions();
            only.setType("rule");
            only.setValues(THEME_RULES);
            options.setRunOnly(only);
        }
        // Only the violations are read below. axe's default also returns every node that passed or was inapplicable
        // or incomplete, each with its HTML (thousands on a Vaadin page), which Chromium serialised, WebDriver sent and
        // Jackson mapped for nothing; with resultTypes the other lists keep one node per rule, the violations all of them.
        options.setResultTypes(List.of("violations"));
        AxeBuilder axe = new AxeBuilder().withOptions(options);
        // axe (~0.5 MB of script) is injected once per page load, not before every check: the dark check of a page
        // reuses the copy its light check injected (the theme switch does not reload the page).
        axe.setInjectAxe(browser -> {
            JavascriptExecutor js = (JavascriptExecutor) browser;
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"))) {
                js.executeScript(AXE_SCRIPT);
            }
        }, false);
        // axe.run in the page itself. The library's default (axe-core >= 4.3) runs axe.runPartial in every frame, then
        // opens an about:blank tab, injects axe (~0.5 MB) a second time there, hands it the partial results and calls
        // axe.finishRun: made for cross-origin iframes, which no page of the app has; the same rules judge the same DOM.
        axe.setLegacyMode(true);
        Results results = axe.analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(where + ": " + rule.getId() + " – " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> n.getTarget() + " " + abbreviate(n.getHtml())).limit(3).toList());
            }
        }
        return found;
    }
}
