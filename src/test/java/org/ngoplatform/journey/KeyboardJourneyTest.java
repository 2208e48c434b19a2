package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkshopService;
import org.ngoplatform.edition.EditionService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant signs in and registers for an edition with the keyboard alone (Tab, Shift+Tab, Enter, Space,
 * typing): the skip link comes first, focus lands where expected and is visible, and the registration is saved.
 * An anonymous respondent answers a two-page survey, and a facilitator records an outcome, the same way.
 */
class KeyboardJourneyTest extends BrowserJourney {

    /** More Tabs than any page here needs to reach its target; a page needing more is itself a finding. */
    static final int MAX_TABS = 40;

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired SurveyBuilderService surveyBuilder;
    @Autowired ResponseStore responses;
    @Autowired EditionService editionService;
    @Autowired WorkshopService workshops;
    @Autowired OutcomeService outcomes;

    /** Every page a new document: each check starts with the keyboard focus at the top of the page, as after typing an address. */
    @Override
    protected boolean loadsEveryPageAnew() {
        return true;
    }

    @Test
    void a_participant_signs_in_and_registers_using_only_the_keyboard() {
        EditionSummary edition = editions.open(25);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);

        // sign in: Tab to the e-mail field, type, Tab to the password, type, Enter
        open("login");
        tabUntil(e -> "username".equals(e.getDomAttribute("name")), "the e-mail field of the login form");
        keys(participant.getUsername());
        press(Keys.TAB);
        assertThat(focused().getDomAttribute("name")).isEqualTo("password");
        keys(AccountFixtures.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        waitForVaadin();

        // on the edition page the first Tab reaches the skip link, which is visible while focused
        open("editions/" + edition.id());
        press(Keys.TAB);
        WebElement skip = focused();
        assertThat(skip.getDomAttribute("id")).isEqualTo("skip-to-content");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
        assertThat(outline(skip)).as("focus outline of the skip link").isNotEqualTo("none");
        // Enter jumps over navbar and menu: focus is in the page, and the next Tab lands on the page's first link
        press(Keys.ENTER);
        wait.until(d -> "main-content".equals(focused().getDomAttribute("id")));
        List<String> passed = tabUntil(e -> "registration-register".equals(idOf(e)), "the Register button");
        assertThat(passed).as("nothing of the navbar or the menu lies between the skip target and Register")
                .noneMatch(id -> id.equals("theme-toggle") || id.equals("language") || id.equals("main-nav"));
        assertThat(focused().getDomAttribute("focus-ring")).as("Lumo focus ring on the focused button").isNotNull();
        press(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/register"));
        waitForVaadin();

        // the form, field by field in reading order
        tabUntil(e -> "registration-organisation".equals(idOf(e)), "the organisation field");
        keys("La Strada Moldova");
        press(Keys.TAB);
        waitForVaadin();
        if (!"registration-job-title".equals(idOf(focused()))) {
            // the organisation list was still open and kept the focus for one more Tab
            press(Keys.TAB);
        }
        assertThat(idOf(focused())).isEqualTo("registration-job-title");
        keys("Hotline counsellor");
        List<String> order = tabUntil(e -> "registration-consent".equals(idOf(e)), "the privacy consent box");
        assertThat(order).containsSubsequence("registration-arrival", "registration-departure", "registration-dietary",
                "registration-accessibility", "registration-visa");
        // Shift+Tab goes back to the previous box, Tab forward again (a checkbox may take one stop for its host)
        assertThat(tabUntil(e -> "registration-visa".equals(idOf(e)), "the visa box, backwards", true))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(tabUntil(e -> "registration-consent".equals(idOf(e)), "the consent box again", false))
                .hasSizeLessThanOrEqualTo(2);
        press(Keys.SPACE);
        waitForVaadin();
        assertThat(byId("registration-consent").getDomAttribute("checked")).isNotNull();
        tabUntil(e -> "registration-submit".equals(idOf(e)), "the submit button");
        press(Keys.ENTER);
        waitForVaadin();

        wait.until(d -> d.findElement(By.id("registration-result")).getDomAttribute("hidden") == null);
        assertThat(byId("registration-result").getText()).contains("You are registered");
        AccountFixtures.signIn(participant);
        try {
            var mine = registrations.mineFor(edition.id()).orElseThrow();
            assertThat(mine.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(mine.toRequest().getOrganisationName()).isEqualTo("La Strada Moldova");
            assertThat(mine.toRequest().getJobTitle()).isEqualTo("Hotline counsellor");
        } finally {
            AccountFixtures.signOut();
        }
    }

    /**
     * Radio buttons by Space and arrow keys, checkboxes by Tab and Space, text by typing, a scale by arrows; Next,
     * Back, Next, review, submit by Enter. After each page change focus is on the new page's heading (the button
     * pressed may be gone), so keyboard and screen-reader users continue at the top of the new page.
     */
    @Test
    void an_anonymous_respondent_answers_a_survey_using_only_the_keyboard() {
        accounts.signIn(Role.ANALYST);
        long id = surveyBuilder.create(SurveyTestData.settings("Keyboard survey"));
        surveyBuilder.editSection(id, 0, "About you", null);
        surveyBuilder.addQuestion(id, 0, SurveyTestData.choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        surveyBuilder.addQuestion(id, 0, SurveyTestData.choice("areas", QuestionType.MULTIPLE_CHOICE, false, "criminal", "civil", "fund"));
        surveyBuilder.addQuestion(id, 0, SurveyTestData.text("job", QuestionType.SHORT_TEXT));
        QuestionForm scale = SurveyTestData.choice("trust", QuestionType.SCALE, false);
        scale.setScaleMin(1);
        scale.setScaleMax(5);
        surveyBuilder.addQuestion(id, 0, scale);
        surveyBuilder.addSection(id, "Your words", null);
        surveyBuilder.addQuestion(id, 1, SurveyTestData.text("comment", QuestionType.LONG_TEXT));
        surveyBuilder.changeStatus(id, SurveyStatus.OPEN);
        String key = surveyBuilder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();

        open("s/" + key);
        tabUntil(e -> "survey-start".equals(idOf(e)), "the Start button");
        press(Keys.ENTER);
        waitForVaadin();
        assertFocusOnHeading("h2", "About you");

        // single choice: Tab into the group, Space picks the first option, an arrow key moves the choice on
        tabUntil(e -> "q-role".equals(idOf(e)), "the first radio button of the single choice");
        press(Keys.SPACE);
        press(Keys.ARROW_DOWN);
        waitForVaadin();
        assertThat(optionLabel(focused())).isEqualTo("Label ngo");
        // multiple choice: each box is a Tab stop, Space ticks it
        press(Keys.TAB);
        assertThat(optionLabel(focused())).isEqualTo("Label criminal");
        press(Keys.SPACE);
        tabUntil(e -> "Label fund".equals(optionLabel(e)), "the third checkbox");
        press(Keys.SPACE);
        tabUntil(e -> "q-job".equals(idOf(e)), "the short text");
        keys("Hotline counsellor");
        // the scale: Space on 1, then the arrow keys up to 4
        tabUntil(e -> "q-trust".equals(idOf(e)), "the scale");
        press(Keys.SPACE);
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        waitForVaadin();
        assertThat(optionLabel(focused())).isEqualTo("4");
        tabUntil(e -> "survey-next".equals(idOf(e)), "Next");
        // Shift+Tab goes back into the scale (to its chosen value), Tab forward again
        tabUntil(e -> "q-trust".equals(idOf(e)), "the scale, backwards", true);
        assertThat(optionLabel(focused())).isEqualTo("4");
        tabUntil(e -> "survey-next".equals(idOf(e)), "Next again");
        press(Keys.ENTER);
        waitForVaadin();
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 2 of 2");
        assertFocusOnHeading("h2", "Your words");

        tabUntil(e -> "q-comment".equals(idOf(e)), "the long text");
        keys("Legal aid is missing.");
        // Back (it comes before Next), then forward again: the answers are kept
        tabUntil(e -> "survey-back".equals(idOf(e)), "Back");
        press(Keys.ENTER);
        waitForVaadin();
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 1 of 2");
        assertFocusOnHeading("h2", "About you");
        assertThat(byId("q-job").getDomProperty("value")).isEqualTo("Hotline counsellor");
        tabUntil(e -> "survey-next".equals(idOf(e)), "Next on page 1");
        press(Keys.ENTER);
        waitForVaadin();
        assertFocusOnHeading("h2", "Your words");
        assertThat(byId("q-comment").getDomProperty("value")).isEqualTo("Legal aid is missing.");

        // the last page's Next leads to the review (and disappears there), Space submits
        tabUntil(e -> "survey-next".equals(idOf(e)), "Review");
        press(Keys.ENTER);
        waitForVaadin();
        assertFocusOnHeading("h2", "Check your answers");
        assertThat(byId("survey-review").getDomProperty("textContent"))
                .contains("Label ngo", "Label criminal; Label fund", "Hotline counsellor", "4", "Legal aid is missing.");
        tabUntil(e -> "survey-submit".equals(idOf(e)), "Submit");
        press(Keys.SPACE);
        waitForVaadin();
        byId("survey-thanks");
        assertFocusOnHeading("h1", "Thank you");

        AccountFixtures.signIn(accounts.create(Role.ANALYST));
        try {
            List<SubmittedResponse> stored = new ArrayList<>();
            responses.forEachResponsePage(id, null, 10, stored::addAll);
            assertThat(stored).singleElement().satisfies(r -> {
                assertThat(r.answers().get("role").value().options()).containsExactly("ngo");
                assertThat(r.answers().get("areas").value().options()).containsExactlyInAnyOrder("criminal", "fund");
                assertThat(r.answers().get("job").value().text()).isEqualTo("Hotline counsellor");
                assertThat(r.answers().get("trust").value().number()).isEqualByComparingTo("4");
                assertThat(r.answers().get("comment").value().text()).isEqualTo("Legal aid is missing.");
            });
        } finally {
            AccountFixtures.signOut();
        }
    }

    /**
     * On the outcomes page of the group they facilitate: Tab to the type, pick another type with the arrow keys,
     * type the text, Enter on Add. The entry is saved and focus is back at the start of the (new, empty) form; a
     * colleague's live change does not take it away; Up, Edit and Cancel keep it where the facilitator is.
     */
    @Test
    void a_facilitator_records_an_outcome_using_only_the_keyboard() {
        AccountPrincipal facilitator = accounts.create(Role.FACILITATOR);
        long edition2013 = editionService.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long group = editions.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle("Keyboard group " + UUID.randomUUID().toString().substring(0, 6));
            form.setSessionSlot("Day 2 morning");
            form.setRoom("Room Vilnius");
            form.setCapacity(12);
            long created = workshops.createGroup(edition2013, form).id();
            workshops.addFacilitator(created, facilitator.accountId());
            return created;
        });

        signIn(facilitator.getUsername(), AccountFixtures.PASSWORD);
        open("editions/" + edition2013 + "/groups/" + group);
        tabUntil(e -> "new-entry-type".equals(idOf(e)), "the type of a new outcome");
        // ArrowDown opens the list, further arrows move through it, Enter takes the highlighted type
        press(Keys.ARROW_DOWN);
        wait.until(d -> "true".equals(String.valueOf(byId("new-entry-type").getDomProperty("opened"))));
        // the list's items render after it opens (ci1 once read no highlighted item at all): each press waits until
        // the highlight has moved before the next one
        for (int i = 0; i < EntryType.values().length && !"Recommendation".equals(highlightedItem()); i++) {
            String before = highlightedItem();
            press(Keys.ARROW_DOWN);
            newWait(driver, 10).withMessage(() -> "the highlight to move from \"" + before + "\"")
                    .until(d -> !highlightedItem().isEmpty() && !highlightedItem().equals(before));
        }
        assertThat(highlightedItem()).isEqualTo("Recommendation");
        press(Keys.ENTER);
        waitForVaadin();
        assertThat(byId("new-entry-type").findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("Recommendation");
        press(Keys.TAB);
        assertThat(idOf(focused())).isEqualTo("new-entry-text");
        keys("Fund hotlines for five years, not one");
        tabUntil(e -> "add-entry".equals(idOf(e)), "the Add button");
        press(Keys.ENTER);
        waitForVaadin();
        wait.until(d -> byId("entries").getDomProperty("textContent").contains("Fund hotlines for five years, not one"));

        assertThat(focused().getTagName()).as("focus is not lost to the page body").isNotEqualToIgnoringCase("body");
        assertThat(idOf(focused())).as("focus at the start of the fresh form, ready for the next outcome").isEqualTo("new-entry-type");
        assertThat(byId("new-entry-text").getDomProperty("value")).isEmpty();

        // someone else adds an outcome while this facilitator types the next one: focus and typed text stay
        press(Keys.TAB);
        assertThat(idOf(focused())).isEqualTo("new-entry-text");
        keys("Half-typed");
        long challenge = editions.asOrganiser(() -> outcomes.add(group,
                new EntryDraft(EntryType.CHALLENGE, "Staff turnover is high", null, null))).id();
        wait.until(d -> byId("entries").getDomProperty("textContent").contains("Staff turnover is high"));
        assertThat(idOf(focused())).as("a live update does not take the focus away").isEqualTo("new-entry-text");
        keys(" thought");
        waitForVaadin();
        assertThat(byId("new-entry-text").getDomProperty("value")).isEqualTo("Half-typed thought");

        // back up to the new card's arrow: Enter moves it up, and the focus stays on that arrow
        tabUntil(e -> ("up-" + challenge).equals(idOf(e)), "the Up arrow of the colleague's entry", true);
        press(Keys.ENTER);
        waitForVaadin();
        wait.until(d -> byId("entries").findElements(By.cssSelector(".entry-card")).getFirst().getDomProperty("textContent")
                .contains("Staff turnover is high"));
        assertThat(idOf(focused())).as("focus stays on the arrow pressed").isEqualTo("up-" + challenge);
        // Edit puts the focus into the text; Cancel brings it back to Edit
        tabUntil(e -> ("edit-" + challenge).equals(idOf(e)), "Edit of that entry", true);
        press(Keys.ENTER);
        waitForVaadin();
        assertThat(idOf(focused())).isEqualTo("edit-text-" + challenge);
        tabUntil(e -> ("cancel-" + challenge).equals(idOf(e)), "Cancel of the editor");
        press(Keys.ENTER);
        waitForVaadin();
        assertThat(idOf(focused())).isEqualTo("edit-" + challenge);

        AccountFixtures.signIn(facilitator);
        try {
            List<OutcomeEntrySummary> entries = outcomes.outcomes(group).entries();
            assertThat(entries).extracting(OutcomeEntrySummary::type, OutcomeEntrySummary::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(EntryType.CHALLENGE, "Staff turnover is high"),
                    org.assertj.core.groups.Tuple.tuple(EntryType.RECOMMENDATION, "Fund hotlines for five years, not one"));
        } finally {
            AccountFixtures.signOut();
        }
    }

    /** The label of the radio button or checkbox holding the focused element (its input), else "". */
    private String optionLabel(WebElement element) {
        return String.valueOf(js(
                "const o = arguments[0].closest('vaadin-radio-button, vaadin-checkbox');"
                        + " return o ? o.textContent.trim() : '';", element));
    }

    /** The text of the highlighted item of the open combo box list, else "". */
    private String highlightedItem() {
        return String.valueOf(js(
                "const i = document.querySelector('vaadin-combo-box-item[focused]'); return i ? i.textContent.trim() : '';"));
    }

    private void assertFocusOnHeading(String tag, String text) {
        newWait(driver, 5).withMessage(() -> "focus on the " + tag + " \"" + text + "\", but it is on <" + focused().getTagName()
                        + " id=" + idOf(focused()) + "> " + focused().getDomProperty("textContent"))
                .until(d -> tag.equalsIgnoreCase(focused().getTagName())
                        && text.equals(String.valueOf(focused().getDomProperty("textContent")).strip()));
    }

    private void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element with the keyboard focus (inside shadow roots, the host). */
    private WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * The id the app gave the element or its nearest ancestor: a field's input carries a generated id
     * ({@code input-vaadin-text-field-12}), its field the app's id.
     */
    private String idOf(WebElement element) {
        return String.valueOf(js(
                "let e = arguments[0]; while (e && (!e.id || /-vaadin-[a-z-]+-\\d+$/.test(e.id))) {"
                        + " e = e.parentElement || (e.getRootNode() && e.getRootNode().host); }"
                        + " return e ? e.id : '';", element));
    }

    private String outline(WebElement element) {
        return String.valueOf(js(
                "return getComputedStyle(arguments[0]).outlineStyle", element));
    }

    /** Presses Tab until the focused element matches; returns the ids passed on the way. */
    private List<String> tabUntil(java.util.function.Predicate<WebElement> target, String what) {
        return tabUntil(target, what, false);
    }

    /** Tab, or Shift+Tab when going backwards. */
    private List<String> tabUntil(java.util.function.Predicate<WebElement> target, String what, boolean backwards) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            if (backwards) {
                new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
            WebElement now = focused();
            passed.add(idOf(now));
            if (target.test(now)) {
                return passed;
            }
        }
        throw new AssertionError("Tab never reached " + what + "; passed " + passed);
    }
}
