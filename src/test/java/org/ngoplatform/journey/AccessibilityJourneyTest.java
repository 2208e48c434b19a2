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
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkshopService;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
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
    @Autowired org.ngoplatform.survey.SurveyBuilderService surveyBuilder;

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

    @Test
    void pages_of_an_organiser_have_no_serious_or_critical_violations_in_light_and_dark() {
        AccountPrincipal organiser = accounts.create(Role.ORGANISER);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);
        EditionSummary open = editionFixtures.open(30);
        AccountFixtures.signIn(participant);
        registrations.register(open.id(), EditionFixtures.request("La Strada Moldova", "Hotline counsellor"));
        AccountFixtures.signOut();
        long edition2013 = edition2013();

        signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("admin/editions", "admin/editions/" + open.id() + "/registrations",
                "admin/editions/" + edition2013 + "/groups", "editions/" + edition2013 + "/report", "surveys",
                "admin/privacy", "admin/audit", "admin/accounts", "admin/organisations", "admin/outbox", "my/data")) {
            problems.addAll(lightAndDark(page, null));
        }
        // the forms behind the buttons: a new edition, a new joint action
        problems.addAll(lightAndDark("admin/editions", "edition-new"));
        problems.addAll(lightAndDark("editions/" + edition2013 + "/report", "joint-new"));
        assertThat(problems).isEmpty();
    }

    @Test
    void outcome_entry_of_a_facilitator_with_the_entry_form_open_has_no_serious_or_critical_violations() {
        AccountPrincipal facilitator = accounts.create(Role.FACILITATOR);
        long edition2013 = edition2013();
        long group = editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle("A11y group " + UUID.randomUUID().toString().substring(0, 6));
            form.setSessionSlot("Day 1 morning");
            form.setRoom("Room Riga");
            form.setCapacity(12);
            long id = workshops.createGroup(edition2013, form).id();
            workshops.addFacilitator(id, facilitator.accountId());
            return id;
        });
        AccountFixtures.signIn(facilitator);
        long entry = outcomes.add(group, new EntryDraft(EntryType.KEY_POINT, "Hotlines need stable funding", null, null)).id();
        AccountFixtures.signOut();

        signIn(facilitator.getUsername(), AccountFixtures.PASSWORD);
        String page = "editions/" + edition2013 + "/groups/" + group;
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
        AccountFixtures.signOut();

        signIn(survey.analyst().getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        problems.addAll(lightAndDark("surveys", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", "add-question-0"));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/preview", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/results", null));
        assertThat(problems).isEmpty();
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

    protected List<String> seriousViolations(String where) {
        Results results = new AxeBuilder().analyze(driver);
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
