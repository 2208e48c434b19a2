package org.ngoplatform.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationDay;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.OpenSurveySummary;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organisers' dashboard, figure by figure, on an edition each test creates for itself. */
@IntegrationTest
class DashboardServiceTest {

    @Autowired DashboardService dashboards;
    @Autowired EditionFixtures editions;
    @Autowired EditionService editionService;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;
    @Autowired AccountFixtures accounts;
    @Autowired SurveyTestData surveys;
    @Autowired org.ngoplatform.workshop.ChoosingFixtures choosingFixtures;
    @Autowired org.ngoplatform.workshop.ChoosingService choosing;
    @Autowired org.ngoplatform.workshop.RankingService ranking;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long register(String organisation, boolean visa, long editionId) {
        AccountPrincipal who = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signIn(who);
        RegistrationRequest request = EditionFixtures.request(organisation, "Lawyer");
        request.setVisaLetter(visa);
        return registrations.register(editionId, request).id();
    }

    private WorkshopGroupSummary group(long editionId, boolean facilitated) {
        GroupForm form = new GroupForm();
        form.setTitle("Group " + UUID.randomUUID().toString().substring(0, 8));
        form.setSessionSlot("Day 1 morning");
        form.setRoom("Room A");
        form.setCapacity(4);
        WorkshopGroupSummary g = workshops.createGroup(editionId, form);
        if (facilitated) {
            g = workshops.addFacilitator(g.id(), accounts.create(Role.FACILITATOR).accountId());
        }
        return g;
    }

    @Test
    void registrations_are_counted_by_status_by_day_in_the_edition_s_zone_by_country_and_by_organisation() {
        EditionSummary edition = editions.open(2);
        String org = "Org " + UUID.randomUUID().toString().substring(0, 6);
        register(org, false, edition.id());
        register(org, true, edition.id());
        register("Another " + UUID.randomUUID(), false, edition.id()); // waiting: only two seats
        long cancelled = register("Third " + UUID.randomUUID(), false, edition.id());
        registrations.cancel(cancelled);

        accounts.signIn(Role.ORGANISER);
        EditionDashboard d = dashboards.edition(edition.id());

        assertThat(d.confirmed()).isEqualTo(2);
        assertThat(d.waiting()).isEqualTo(1);
        assertThat(d.cancelled()).isEqualTo(1);
        assertThat(d.seatsLeft()).isZero();
        LocalDate today = LocalDate.now(ZoneId.of(edition.timeZone()));
        assertThat(d.receivedPerDay()).containsExactly(new RegistrationDay(today, 4));
        assertThat(d.byCountry()).containsExactly(new Share("EE", 3, false));
        assertThat(d.byOrganisation().getFirst()).isEqualTo(new Share(org, 2, false));
        assertThat(d.byOrganisation()).extracting(Share::count).containsExactly(2L, 1L);
    }

    @Test
    void more_organisations_than_the_top_are_summed_as_other() {
        EditionSummary edition = editions.open(20);
        for (int i = 0; i < DashboardService.TOP + 2; i++) {
            register("Org " + i + " " + UUID.randomUUID(), false, edition.id());
        }
        accounts.signIn(Role.ORGANISER);
        EditionDashboard d = dashboards.edition(edition.id());

        assertThat(d.byOrganisation()).hasSize(DashboardService.TOP + 1);
        assertThat(d.byOrganisation().getLast()).isEqualTo(new Share(null, 2, true));
    }

    @Test
    void groups_show_their_members_against_capacity_and_whether_anyone_facilitates() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal organiser = accounts.signIn(Role.ORGANISER);
        WorkshopGroupSummary led = group(edition.id(), true);
        WorkshopGroupSummary alone = group(edition.id(), false);
        register("Org " + UUID.randomUUID(), false, edition.id());
        memberships.join(led.id());

        AccountFixtures.signIn(organiser);
        EditionDashboard d = dashboards.edition(edition.id());

        assertThat(d.groups()).containsExactly(
                new GroupFill(led.id(), led.title(), "Day 1 morning", 1, 4, true),
                new GroupFill(alone.id(), alone.title(), "Day 1 morning", 0, 4, false));
        assertThat(d.groups().getFirst().percent()).isEqualTo(25);
    }

    @Test
    void what_needs_doing_names_the_missing_programme_visa_letters_groups_without_facilitator_and_a_closing_registration() {
        EditionSummary edition = editions.open(5);
        String admin = "admin/editions/" + edition.id();
        editions.asOrganiser(() -> {
            EditionForm form = EditionForm.of(editionService.require(edition.id()));
            form.setRegistrationClosesAt(LocalDate.now(ZoneId.of(edition.timeZone())).plusDays(3).atTime(23, 0));
            return editionService.update(edition.id(), form);
        });
        register("Org " + UUID.randomUUID(), true, edition.id());
        register("Org " + UUID.randomUUID(), true, edition.id());
        accounts.signIn(Role.ORGANISER);
        group(edition.id(), false);
        group(edition.id(), true);

        EditionDashboard d = dashboards.edition(edition.id());

        assertThat(d.toDos()).containsExactly(
                new ToDo("dashboard.todo.no-programme", java.util.List.of(edition.title()), admin + "/programme"),
                new ToDo("dashboard.todo.closes", java.util.List.of(edition.title(), 3L), "admin/editions"),
                new ToDo("dashboard.todo.visa", java.util.List.of(edition.title(), 2L), admin + "/registrations"),
                new ToDo("dashboard.todo.no-facilitator", java.util.List.of(edition.title(), 1L), admin + "/groups"));
    }

    @Test
    void an_edition_far_from_closing_with_everything_in_place_needs_nothing_but_its_programme() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.ORGANISER);
        group(edition.id(), true);

        assertThat(dashboards.edition(edition.id()).toDos()).extracting(ToDo::key)
                .containsExactly("dashboard.todo.no-programme");
    }

    @Test
    void an_open_survey_with_fewer_responses_than_k_shows_its_count_only_as_less_than_k() {
        SurveyTestData.Built survey = surveys.openSurvey();
        surveys.submit(survey, SurveyTestData.complete("lawyer", 3, false));
        surveys.submit(survey, SurveyTestData.complete("ngo", 4, false));

        accounts.signIn(Role.ORGANISER);
        Dashboard dashboard = dashboards.dashboard();

        assertThat(dashboard.openSurveys()).filteredOn(s -> s.id() == survey.id()).singleElement()
                .satisfies(s -> {
                    assertThat(s.responses()).isEqualTo("<5");
                    assertThat(s.responsesHidden()).isTrue();
                });
        // only this survey's entries: other tests' open surveys in the shared database may rightly show "2" (k ≤ 2)
        assertThat(dashboard.openSurveys()).filteredOn(s -> s.id() == survey.id())
                .extracting(OpenSurveySummary::responses).containsExactly("<5");
    }

    @Test
    void the_dashboard_shows_the_soonest_upcoming_editions_and_one_asked_for_counts_the_rest_and_is_for_organisers_only() {
        EditionSummary edition = editions.open(3);
        accounts.signIn(Role.ORGANISER);
        Dashboard soonest = dashboards.dashboard();
        assertThat(soonest.editions()).hasSizeBetween(1, DashboardService.SHOWN);
        long upcoming = soonest.editions().size() + soonest.moreEditions();
        assertThat(upcoming).as("every upcoming edition shown or counted").isGreaterThanOrEqualTo(1);
        Dashboard asked = dashboards.dashboard(edition.id());
        assertThat(asked.editions()).extracting(e -> e.edition().id()).contains(edition.id());
        assertThat(asked.editions().size() + asked.moreEditions()).as("asked for and shown, not counted twice").isEqualTo(upcoming);

        for (Role role : new Role[]{Role.PARTICIPANT, Role.FACILITATOR, Role.ANALYST}) {
            accounts.signIn(role);
            assertThatThrownBy(() -> dashboards.dashboard()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> dashboards.dashboard(edition.id())).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> dashboards.edition(edition.id())).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void choosing_progress_per_slot_counts_who_ranked_and_a_closed_unpublished_choosing_is_a_thing_to_do() {
        var slot = choosingFixtures.openSlot(3, 3);
        accounts.signIn(org.ngoplatform.account.Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));
        ranking.rank(slot.sessionId(), java.util.List.of(slot.groups()[1]));
        accounts.signIn(org.ngoplatform.account.Role.PARTICIPANT);
        registrations.register(slot.edition().id(), EditionFixtures.request("KOK", "Counsellor"));
        accounts.signIn(org.ngoplatform.account.Role.ORGANISER);

        var figures = dashboards.edition(slot.edition().id());
        assertThat(figures.choosing()).singleElement().satisfies(c -> {
            assertThat(c.choosing().sessionId()).isEqualTo(slot.sessionId());
            assertThat(c.ranked()).isEqualTo(1);
            assertThat(c.confirmed()).isEqualTo(2);
        });
        assertThat(figures.toDos()).noneMatch(t -> t.key().equals("dashboard.todo.allocate"));

        jdbc.update("update workshop_choosing set closes_at = ? where session_id = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusMinutes(1)), slot.sessionId());
        assertThat(dashboards.edition(slot.edition().id()).toDos()).filteredOn(t -> t.key().equals("dashboard.todo.allocate"))
                .singleElement().satisfies(t -> assertThat(t.link()).isEqualTo("admin/choosing/" + slot.sessionId()));
    }
}
