package org.ngoplatform.journey;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core over the main pages, light and dark: no serious or critical violations. */
class AccessibilityJourneyTest extends BrowserJourney {

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

    /**
     * One browser for the class's tests (docs/performance.md "Suite speed, 2026-12-06, second pass"): a start of Chromium per test
     * and a cold cache for the app's scripts on each test's first pages cost more than a reset. Between tests it is
     * left as a new one would be: on a blank page, without cookies (so without the session) or stored data of the
     * app, at normal animation speed.
     */
    private static WebDriver shared;

    @Override
    @BeforeEach
    void startBrowser() throws java.io.IOException {
        if (shared == null) {
            shared = newDriver(1280, 900);
        } else {
            ChromeDriver chrome = (ChromeDriver) shared;
            chrome.get("about:blank");
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "http://localhost:" + port, "storageTypes", "all"));
            chrome.executeCdpCommand("Animation.enable", Map.of());
            chrome.executeCdpCommand("Animation.setPlaybackRate", Map.of("playbackRate", 1));
            chrome.executeCdpCommand("Animation.disable", Map.of());
        }
        driver = shared;
        wait = newWait(driver, 60);
    }

    @Override
    @AfterEach
    void stopBrowser() {
        // kept for the next test; reset in startBrowser, closed after the class
    }

    @AfterAll
    static void closeSharedBrowser() {
        if (shared != null) {
            shared.quit();
            shared = null;
        }
    }

    @Test
    void public_pages_have_no_serious_or_critical_violations_in_light_and_dark() {
        List<String> problems = new ArrayList<>();
        List<String> pages = new ArrayList<>(PUBLIC_PAGES);
        pages.add("editions/" + programmeEdition().edition() + "/programme");
        pages.add("published/" + publishedSurveys.publishedSlug());
        for (String page : pages) {
            open(page);
            problems.addAll(seriousViolations(page + " (light)"));
            click("theme-toggle");
            problems.addAll(seriousViolations(page + " (dark)"));
            click("theme-toggle");
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Lumo fades field labels' colour over 0.2 s. Right after a switch to dark that fade starts from light's dark
     * grey on the dark background (1.04:1), which axe caught on a slow machine (labels, helper texts, the menu's links).
     * With the browser's animations slowed a hundredfold any colour fade the switch started would still be running when
     * looked at: the switch must leave none.
     */
    @Test
    void switching_the_theme_changes_every_colour_at_once() {
        open("s/compensation-professionals-2026"); // a labelled text field: "Resume code"
        ((ChromeDriver) driver).executeCdpCommand("Animation.enable", Map.of());
        ((ChromeDriver) driver).executeCdpCommand("Animation.setPlaybackRate", Map.of("playbackRate", 0.01));
        click("theme-toggle");
        assertThat(runningTransitions()).as("fading after the switch to dark").noneMatch(t -> t.contains("color of"));
        click("theme-toggle");
        assertThat(runningTransitions()).as("fading after the switch back to light").noneMatch(t -> t.contains("color of"));
    }

    @Test
    void pages_of_a_signed_in_participant_have_no_serious_or_critical_violations() {
        EditionSummary open = editionFixtures.open(30);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);
        long edition2013 = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long group = workshops.groupsOf(edition2013).getFirst().id();
        // a confirmed place in an edition with a programme, and a workshop group in one of its slots
        ProgrammeEdition programme = programmeEdition();
        AccountFixtures.signIn(participant);
        registrations.register(programme.edition(), EditionFixtures.request("KOK", "Counsellor"));
        memberships.join(programme.group());
        AccountFixtures.signOut();
        ChoosingFixtures.OpenSlot slot = rankedSlot(participant);

        signIn(participant.getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("", "editions/" + open.id(), "editions/" + open.id() + "/register",
                "my/registrations", "editions/" + edition2013 + "/groups/" + group, "editions/" + edition2013 + "/report")) {
            open(page);
            problems.addAll(seriousViolations(page + " (participant)"));
        }
        open("my/programme");
        assertThat(byId("my-group-in-" + programme.slot()).getText()).as("their group in its slot").contains("A11y group");
        problems.addAll(bothThemes("my/programme (participant)"));
        // ranking the groups of a slot with open choosing: one group ranked (up, down, remove), one still to add
        open("my/programme/choose/" + slot.sessionId());
        byId("remove-" + slot.groups()[0]);
        problems.addAll(bothThemes("my/programme/choose (participant)"));
        assertThat(problems).isEmpty();
    }

    @Test
    void pages_of_an_organiser_have_no_serious_or_critical_violations_in_light_and_dark() {
        AccountPrincipal organiser = accounts.create(Role.ORGANISER);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);
        EditionSummary open = editionFixtures.open(30);
        AccountFixtures.signIn(participant);
        registrations.register(open.id(), EditionFixtures.request("La Strada Moldova", "Hotline counsellor"));
        AccountFixtures.signOut();
        // check-in: one participant marked present on the first day (its undo), one still to mark
        AccountFixtures.signIn(accounts.create(Role.PARTICIPANT));
        registrations.register(open.id(), EditionFixtures.request("KOK", "Counsellor"));
        AccountFixtures.signIn(organiser);
        attendance.mark(open.id(), CheckInPoint.ofDay(open.startsOn()), participant.accountId());
        AccountFixtures.signOut();
        long edition2013 = edition2013();
        // groups admin of an edition of its own: the seeded 2013 edition collects the groups of every test ever run
        groupOf(open.id(), accounts.create(Role.FACILITATOR));
        long programme = programmeEdition().edition();
        ChoosingFixtures.OpenSlot slot = rankedSlot(participant);

        signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        // the dashboard with the choosing progress of the slot's edition; choosing; check-in with a confirmed participant
        for (String page : List.of("dashboard", "dashboard?edition=" + slot.edition().id(), "admin/choosing/" + slot.sessionId(),
                "editions/" + open.id() + "/check-in", "editions/" + open.id() + "/sign-in-sheet", "admin/editions/" + programme + "/programme", "admin/editions", "admin/editions/" + open.id() + "/registrations",
                "admin/editions/" + open.id() + "/groups", "admin/editions/" + open.id() + "/messages",
                "admin/editions/" + open.id() + "/invitations", "admin/editions/" + open.id() + "/visa-letters", "editions/" + edition2013 + "/report", "surveys",
                "admin/privacy", "admin/audit", "admin/accounts", "admin/organisations", "admin/outbox", "my/data")) {
            problems.addAll(lightAndDark(page, null));
        }
        // the forms behind the buttons: a new edition, a new joint action
        problems.addAll(lightAndDark("admin/editions", "edition-new"));
        problems.addAll(lightAndDark("editions/" + edition2013 + "/report", "joint-new"));
        problems.addAll(lightAndDark("admin/editions/" + programme + "/programme", "programme-add"));
        // the allocation computed: its figures and the participant with the field to move them
        open("admin/choosing/" + slot.sessionId());
        click("choosing-compute");
        byId("choosing-seed");
        problems.addAll(bothThemes("admin/choosing [computed]"));
        assertThat(problems).isEmpty();
    }

    @Test
    void outcome_entry_of_a_facilitator_with_the_entry_form_open_has_no_serious_or_critical_violations() {
        AccountPrincipal facilitator = accounts.create(Role.FACILITATOR);
        long edition = editionFixtures.open(30).id();
        long group = groupOf(edition, facilitator);
        AccountFixtures.signIn(facilitator);
        long entry = outcomes.add(group, new EntryDraft(EntryType.KEY_POINT, "Hotlines need stable funding", null, null)).id();
        AccountFixtures.signOut();

        signIn(facilitator.getUsername(), AccountFixtures.PASSWORD);
        String page = "editions/" + edition + "/groups/" + group;
        // an existing entry opened for editing, and the new-entry form showing the action-point fields
        Runnable openForms = () -> {
            click("edit-" + entry);
            byId("edit-text-" + entry);
            byId("new-entry-type").findElement(org.openqa.selenium.By.cssSelector("input"))
                    .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            choose("new-entry-type", "Action point");
        };
        open(page);
        openForms.run();
        List<String> problems = new ArrayList<>(seriousViolations(page + " (facilitator, forms open, light)"));
        click("theme-toggle");
        problems.addAll(seriousViolations(page + " (facilitator, forms open, dark)"));
        click("theme-toggle");
        assertThat(problems).isEmpty();
    }

    @Test
    void survey_pages_of_an_analyst_have_no_serious_or_critical_violations_in_light_and_dark() {
        SurveyTestData.Built survey = surveys.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        surveys.submit(survey, SurveyTestData.complete("lawyer", 4, true));
        AccountFixtures.signOut();
        AccountFixtures.signIn(survey.analyst());
        long draft = surveyBuilder.create(SurveyTestData.settings("A11y draft"));
        surveyTranslation.addLanguage(draft, "de");   // the translations page opens on German's texts
        surveyTranslation.saveText(draft, "de", "title", "Barrierefreiheit");
        AccountFixtures.signOut();

        signIn(survey.analyst().getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        problems.addAll(lightAndDark("surveys", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", "add-question-0"));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/preview", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/results", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/translations", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/invitations", null));
        assertThat(problems).isEmpty();
    }

    /**
     * A respondent meets every question type (single and multiple choice with "other", yes/no, scale, number,
     * date, country, short and long text, matrix and ranking), required and optional, on four pages: each page is checked before
     * answering, after "Next" with everything empty (messages showing, also on an empty "other" text), then the
     * review and the thank-you page; every state in light and in dark.
     */
    @Test
    void every_question_type_of_a_survey_with_and_without_messages_has_no_serious_or_critical_violations() {
        accounts.signIn(Role.ANALYST);
        long id = surveyBuilder.create(SurveyTestData.settings("A11y every type"));
        surveyBuilder.editSection(id, 0, "Choices", "Pick what applies.");
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            QuestionForm single = SurveyTestData.choice("single_" + r, QuestionType.SINGLE_CHOICE, required, "lawyer", "ngo");
            single.setAllowOther(true);
            single.setHelp("Your main role.");
            surveyBuilder.addQuestion(id, 0, single);
            QuestionForm multiple = SurveyTestData.choice("multi_" + r, QuestionType.MULTIPLE_CHOICE, required, "criminal", "civil", "fund");
            multiple.setAllowOther(true);
            if (required) {
                multiple.setHelp("Tick all that apply.");
            }
            surveyBuilder.addQuestion(id, 0, multiple);
            surveyBuilder.addQuestion(id, 0, SurveyTestData.choice("yesno_" + r, QuestionType.YES_NO, required));
            QuestionForm scale = SurveyTestData.choice("scale_" + r, QuestionType.SCALE, required);
            scale.setScaleMin(1);
            scale.setScaleMax(5);
            scale.setScaleMinLabel("not at all");
            scale.setScaleMaxLabel("very well");
            surveyBuilder.addQuestion(id, 0, scale);
        }
        surveyBuilder.addSection(id, "Numbers and dates", null);
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            surveyBuilder.addQuestion(id, 1, SurveyTestData.number("number_" + r, required, 0, 60));
            QuestionForm date = SurveyTestData.text("date_" + r, QuestionType.DATE);
            date.setRequired(required);
            surveyBuilder.addQuestion(id, 1, date);
            QuestionForm country = SurveyTestData.text("country_" + r, QuestionType.COUNTRY);
            country.setRequired(required);
            surveyBuilder.addQuestion(id, 1, country);
        }
        surveyBuilder.addSection(id, "Your words", null);
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            for (QuestionType type : List.of(QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT)) {
                QuestionForm text = SurveyTestData.text(type.name().toLowerCase() + "_" + r, type);
                text.setRequired(required);
                surveyBuilder.addQuestion(id, 2, text);
            }
        }
        surveyBuilder.addSection(id, "Rows and ranks", null);
        surveyBuilder.addQuestion(id, 3, SurveyTestData.matrix("matrix_req", true, false, List.of("police", "court"), "never", "often"));
        surveyBuilder.addQuestion(id, 3, SurveyTestData.matrix("matrix_opt", false, true, List.of("police", "court"), "fund", "lawyer"));
        surveyBuilder.addQuestion(id, 3, SurveyTestData.ranking("ranking_req", true, "speed", "money", "respect"));
        surveyBuilder.changeStatus(id, SurveyStatus.OPEN);
        String key = surveyBuilder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();

        List<String> problems = new ArrayList<>();
        String page = "s/" + key;
        open(page);
        problems.addAll(bothThemes(page + " start"));
        click("survey-start");

        // page 1: the choices; a required checkbox group is announced as required through its description
        problems.addAll(bothThemes(page + " page 1"));
        assertThat(byId("q-multi_req").getDomAttribute("aria-required")).isNull();
        assertThat(accessibleDescription("q-multi_req")).startsWith("Required").contains("Tick all that apply.");
        assertThat(accessibleDescription("q-multi_opt")).doesNotContain("Required");
        assertThat(byId("q-single_req").getDomAttribute("aria-required")).as("allowed on a radiogroup").isEqualTo("true");
        click("survey-next");
        assertThat(byId("q-multi_req").getDomAttribute("invalid")).as("messages show on page 1").isNotNull();
        assertThat(accessibleDescription("q-multi_req")).contains("Required", "Tick all that apply.", "Please answer this question.");
        problems.addAll(bothThemes(page + " page 1 with messages"));
        tick("single_req", "Other");
        tick("multi_req", "Other");
        tick("multi_req", "Label civil");
        tick("yesno_req", "Yes");
        tick("scale_req", "4");
        click("survey-next");
        assertThat(byId("q-multi_req-other").getDomAttribute("invalid")).as("the empty \"other\" text has a message").isNotNull();
        problems.addAll(bothThemes(page + " page 1 with \"other\" open and empty"));
        type("q-single_req-other", "Social worker");
        type("q-multi_req-other", "Mediation");
        click("survey-next");

        // page 2: number, date, country
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 2 of 4");
        problems.addAll(bothThemes(page + " page 2"));
        click("survey-next");
        assertThat(byId("q-date_req").getDomAttribute("invalid")).as("messages show on page 2").isNotNull();
        problems.addAll(bothThemes(page + " page 2 with messages"));
        type("q-number_req", "7");
        type("q-date_req", "2026-03-01");
        choose("q-country_req", "Estonia");
        click("survey-next");

        // page 3: short and long text
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 3 of 4");
        problems.addAll(bothThemes(page + " page 3"));
        click("survey-next");
        assertThat(byId("q-long_text_req").getDomAttribute("invalid")).as("messages show on page 3").isNotNull();
        problems.addAll(bothThemes(page + " page 3 with messages"));
        type("q-short_text_req", "Hotline counsellor");
        type("q-long_text_req", "Legal aid is missing.");
        click("survey-next");

        // page 4: a matrix with one answer per row, one with several, a ranking (a combo box per place)
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 4 of 4");
        problems.addAll(bothThemes(page + " page 4"));
        click("survey-next");
        problems.addAll(bothThemes(page + " page 4 with messages"));
        tick("matrix_req-police", "Label never");
        tick("matrix_req-court", "Label often");
        tick("matrix_opt-court", "Label fund");
        choose("q-ranking_req-rank1", "Label respect");
        choose("q-ranking_req-rank2", "Label speed");
        choose("q-ranking_req-rank3", "Label money");
        click("survey-next");

        // review, then thanks
        assertThat(byId("survey-review").getDomProperty("textContent")).contains("Social worker", "Mediation", "Estonia", "Legal aid is missing.",
                "Label respect");
        problems.addAll(bothThemes(page + " review"));
        click("survey-submit");
        byId("survey-thanks");
        problems.addAll(bothThemes(page + " thank-you"));
        assertThat(problems).isEmpty();
    }

    /** The accessible description Chromium computes for the element with this id (what a screen reader reads). */
    @SuppressWarnings("unchecked")
    private String accessibleDescription(String id) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> root = (Map<String, Object>) chrome.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root");
        Object node = chrome.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root.get("nodeId"), "selector", "#" + id)).get("nodeId");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) chrome.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("nodeId", node, "fetchRelatives", false)).get("nodes");
        Map<String, Object> description = (Map<String, Object>) nodes.getFirst().get("description");
        return description == null ? "" : String.valueOf(description.get("value"));
    }

    /** Ticks the radio button or checkbox with this label inside a question's group. */
    private void tick(String questionCode, String label) {
        WebElement group = byId("q-" + questionCode);
        WebElement option = wait.withMessage(() -> label + " in " + questionCode + " among "
                        + group.findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox")).stream()
                        .map(e -> e.getDomProperty("textContent")).toList())
                .until(d -> group.findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox")).stream()
                        .filter(e -> label.equals(e.getDomProperty("textContent").strip())).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].querySelector('input').click()", option);
        waitForVaadin();
    }

    /** The current state of the page, in light and then in dark (and back to light). */
    private List<String> bothThemes(String where) {
        List<String> found = new ArrayList<>(seriousViolations(where + " (light)"));
        click("theme-toggle");
        found.addAll(seriousViolations(where + " (dark)"));
        click("theme-toggle");
        return found;
    }

    /** A new workshop group of this edition, with this facilitator. */
    private long groupOf(long edition, AccountPrincipal facilitator) {
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
    private ProgrammeEdition programmeEdition() {
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
    private ChoosingFixtures.OpenSlot rankedSlot(AccountPrincipal participant) {
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

    private long edition2013() {
        return editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
    }

    /**
     * Opens the page (and, if given, the dialog behind a button), checks it in light and in dark. A modal dialog
     * blocks the theme toggle, so it is closed (Escape) to switch and opened again.
     */
    private List<String> lightAndDark(String page, String dialogButton) {
        String where = page + (dialogButton == null ? "" : " [" + dialogButton + "]");
        open(page);
        if (dialogButton != null) {
            openDialog(dialogButton);
        }
        List<String> found = new ArrayList<>(seriousViolations(where + " (light)"));
        if (dialogButton != null) {
            closeDialog();
        }
        click("theme-toggle");
        if (dialogButton != null) {
            openDialog(dialogButton);
        }
        found.addAll(seriousViolations(where + " (dark)"));
        if (dialogButton != null) {
            closeDialog();
        }
        click("theme-toggle");
        return found;
    }

    private void openDialog(String button) {
        click(button);
        wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("vaadin-dialog[opened]")).isEmpty());
    }

    private void closeDialog() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitForVaadin();
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("vaadin-dialog[opened]")).isEmpty());
    }

    private static String abbreviate(String html) {
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
    private List<String> runningTransitions() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(RUNNING_TRANSITIONS);
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
        AxeBuilder axe = where.contains("dark") ? new AxeBuilder().withOnlyRules(THEME_RULES) : new AxeBuilder();
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
