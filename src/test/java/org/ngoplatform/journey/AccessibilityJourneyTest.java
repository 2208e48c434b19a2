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

/** axe-core over the public pages, a participant's and a facilitator's, light and dark; the theme switch. */
class AccessibilityJourneyTest extends AccessibilityJourney {

    @Test
    void public_pages_have_no_serious_or_critical_violations_in_light_and_dark() {
        List<String> problems = new ArrayList<>();
        List<String> pages = new ArrayList<>(PUBLIC_PAGES);
        pages.add("editions/" + programmeEdition().edition() + "/programme");
        pages.add("published/" + publishedSurveys.publishedSlug());
        for (String page : pages) {
            problems.addAll(lightAndDark(page, null));
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
        List<String> problems = bothThemes(page + " (facilitator, forms open)");
        assertThat(problems).isEmpty();
    }
}
