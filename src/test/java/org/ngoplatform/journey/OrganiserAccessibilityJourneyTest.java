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

/** axe-core over an organiser's pages and forms, light and dark. */
class OrganiserAccessibilityJourneyTest extends AccessibilityJourney {

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
}
