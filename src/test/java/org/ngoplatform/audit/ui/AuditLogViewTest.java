package org.ngoplatform.audit.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditActions;
import org.ngoplatform.audit.AuditActorRef;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditFilter;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog auditLog;
    @Autowired AuditActions actions;
    @Autowired SurveyBuilderService surveys;
    @Autowired WorkshopService workshops;
    @Autowired EditionService editions;
    @Autowired OrganisationService organisations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void organisers_filter_the_log_by_action_and_export_it_with_a_download_link() {
        fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("EDITION_UPDATED", "v-" + id + ":7", "exported 12 rows");
        auditLog.record("EDITION_UPDATED", "v-" + id + ":8", "exported 3 rows");
        auditLog.record("EDITION_STATUS", "v-" + id + ":8", "another action");

        AuditLogView view = navigate(AuditLogView.class);
        test(view.subject).setValue("v-" + id + ":*");
        assertThat(view.count.getText()).isEqualTo("3 events");
        test(view.action).selectItem("Edition changed");

        assertThat(view.action.getValue()).isEqualTo("EDITION_UPDATED");
        assertThat(view.count.getText()).isEqualTo("2 events");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getRow(0)).extracting(AuditEvent::getSubject).isEqualTo("v-" + id + ":8");

        test(view.export).click();

        var dialog = view.export.dialog();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(Paragraph.class).withId("export-message").single().getText()).isEqualTo("Ready: 2 rows.");
        Anchor link = find(Anchor.class).withId("export-download").single();
        assertThat(link.getText()).startsWith("Download audit-log-").endsWith(".xlsx");
        assertThat(link.getHref()).isNotBlank();
        assertThat(find(com.vaadin.flow.component.button.Button.class).withId("export-cancel").exists()).as("cancel hidden once done").isFalse();
    }

    /** Was: the action text field was capped at 60 characters. Now nothing typed reaches the service as an action. */
    @Test
    void the_action_picker_offers_only_the_named_actions_by_their_translated_names_sorted_so_no_overlong_action_reaches_the_service() {
        fixtures.signIn(Role.ORGANISER);
        AuditLogView view = navigate(AuditLogView.class);

        List<String> offered = test(view.action).getSuggestionItems().stream().filter(java.util.Objects::nonNull).toList();
        assertThat(offered).containsExactlyInAnyOrderElementsOf(actions.codes()).hasSizeGreaterThan(40);
        assertThat(offered).allSatisfy(code -> assertThat(code.length()).isLessThanOrEqualTo(AuditFilter.ACTION_MAX));
        List<String> names = offered.stream().map(view::actionName).toList();
        assertThat(names).contains("Survey created").doesNotContain("SURVEY_CREATED")
                .isSortedAccordingTo(Collator.getInstance(Locale.ENGLISH));
        assertThat(view.action.isEmptySelectionAllowed()).as("all actions").isTrue();

        for (Locale locale : List.of(Locale.GERMAN, Locale.of("ru"))) {
            assertThat(actions.codesByName(locale).stream().map(code -> actions.name(code, locale)).toList())
                    .as("sorted by name in %s", locale).isSortedAccordingTo(Collator.getInstance(locale))
                    .doesNotContain("SURVEY_CREATED");
        }

        // what could still be typed elsewhere is refused before any query
        assertThat(auditLog.actors("x".repeat(300), 0, 10)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditFilter.action("X".repeat(AuditFilter.ACTION_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void in_german_the_action_picker_is_sorted_by_the_german_names() {
        fixtures.signIn(Role.ORGANISER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        AuditLogView view = navigate(AuditLogView.class);
        List<String> names = test(view.action).getSuggestions().stream().filter(n -> !n.isEmpty()).toList();
        assertThat(names).contains("Umfrage angelegt").doesNotContain("Survey created")
                .isSortedAccordingTo(Collator.getInstance(Locale.GERMAN));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void the_person_picker_finds_actors_by_name_or_email_and_filters_the_log_by_that_person() {
        AccountPrincipal someone = fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("EDITION_UPDATED", "p-" + id + ":1", "by someone");
        AccountPrincipal viewer = fixtures.signIn(Role.ORGANISER);
        auditLog.record("EDITION_UPDATED", "p-" + id + ":1", "by the viewer");
        auditLog.record("EDITION_STATUS", "p-" + id + ":2", "by the viewer too");
        AccountPrincipal neverActed = fixtures.create(Role.ORGANISER);

        AuditLogView view = navigate(AuditLogView.class);
        test(view.subject).setValue("p-" + id + ":*");
        assertThat(view.count.getText()).isEqualTo("3 events");

        test(view.person).setFilter(someone.getUsername().substring(0, 14).toUpperCase(Locale.ROOT));
        assertThat(test(view.person).getSuggestionItems()).extracting(AuditActorRef::actor)
                .containsExactly(someone.auditName());
        assertThat(test(view.person).getSuggestions()).containsExactly("Test [ORGANISER] <" + someone.getUsername() + ">");
        test(view.person).setFilter("test [organiser] <" + someone.getUsername());
        assertThat(test(view.person).getSuggestionItems()).as("the label as shown finds the person too")
                .extracting(AuditActorRef::actor).containsExactly(someone.auditName());
        test(view.person).setFilter(neverActed.getUsername());
        assertThat(test(view.person).getSuggestionItems()).as("only people who appear in the log").isEmpty();

        test(view.person).setFilter(viewer.getUsername());
        test(view.person).selectItem("Test [ORGANISER] <" + viewer.getUsername() + ">");
        assertThat(view.count.getText()).isEqualTo("2 events");
        assertThat(test(view.grid).getCellText(0, 1)).as("actor by name").isEqualTo("Test [ORGANISER]");
        view.person.clear();
        assertThat(view.count.getText()).isEqualTo("3 events");
    }

    @Test
    void days_are_picked_in_the_viewers_zone_which_is_named_and_a_range_that_ends_before_it_starts_is_refused_next_to_it() {
        fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("VS-" + id, "case-" + id + ":1", "one");
        auditLog.record("VS-" + id, "case-" + id + ":10", "similar subject");
        AuditLogView view = navigate(AuditLogView.class);
        LocalDate today = LocalDate.now(view.zone);

        assertThat(view.subject.getMaxLength()).isEqualTo(200);
        assertThat(view.from.getHelperText()).contains(view.zone.getId());
        assertThat(view.grid.getColumns().getFirst().getHeaderText()).contains(view.zone.getId());
        test(view.subject).setValue("case-" + id + ":1");
        assertThat(view.count.getText()).isEqualTo("1 event");
        test(view.subject).setValue("case-" + id + ":*");
        assertThat(view.count.getText()).as("a prefix with *").isEqualTo("2 events");

        view.from.setValue(today.minusDays(1));
        view.to.setValue(today);
        assertThat(view.count.getText()).isEqualTo("2 events");
        view.from.setValue(today.plusDays(1));
        view.to.setValue(today.plusDays(2));
        assertThat(view.count.getText()).isEqualTo("0 events");
        view.to.setValue(today);
        assertThat(view.to.isInvalid()).as("a range that ends before it starts").isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end day cannot be before the start day.");
        assertThat(view.export.isEnabled()).isFalse();
        view.from.setValue(today);
        assertThat(view.to.isInvalid()).isFalse();
        assertThat(view.filter().zone()).isEqualTo(view.zone);

        test(view.export).click();
        assertThat(find(Paragraph.class).withId("export-message").single().getText())
                .as("the export holds what the filters show").isEqualTo("Ready: 2 rows.");
    }

    @Test
    void actions_are_shown_by_their_translated_name_and_unknown_codes_as_they_are() {
        fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("SURVEY_CREATED", "named-" + id + ":1", null);
        auditLog.record("V-" + id, "named-" + id + ":2", null);

        AuditLogView view = navigate(AuditLogView.class);
        test(view.subject).setValue("named-" + id + ":*");

        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("V-" + id);
        assertThat(test(view.grid).getCellText(1, 2)).isEqualTo("Survey created");
        UI.getCurrent().setLocale(Locale.GERMAN);
        assertThat(view.actionName("SURVEY_CREATED")).isEqualTo("Umfrage angelegt");
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void subjects_of_every_kind_are_shown_by_name_with_a_link_to_their_page_and_deleted_ones_as_deleted() {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 8);
        var settings = SurveyTestData.settings("Audit " + id);
        long surveyId = surveys.create(settings);
        long editionId = editions.past().getFirst().id();
        GroupForm form = new GroupForm();
        form.setTitle("Audit group " + id);
        long groupId = workshops.createGroup(editionId, form).id();
        long organisationId = organisations.create("Audit organisation " + id, "EE").id();
        auditLog.record("ROLES_CHANGED", "account:" + organiser.accountId(), null);
        auditLog.record("SURVEY_STATUS", "survey:999999999", null);
        auditLog.record("EXPORT_STARTED", "audit-log", null);
        auditLog.record("PRIVACY_NOTICE_PUBLISHED", "privacy-notice:2026-" + id, null);
        auditLog.record("V-" + id, "case-" + id + ":1", null);

        AuditLogView view = navigate(AuditLogView.class);
        test(view.person).setFilter(organiser.getUsername());
        test(view.person).selectItem("Test [ORGANISER] <" + organiser.getUsername() + ">");
        assertThat(test(view.grid).size()).as("five recorded here, three by the services").isGreaterThanOrEqualTo(8);

        List<Component> cells = new ArrayList<>();
        for (int row = 0; row < test(view.grid).size(); row++) {
            cells.add(test(view.grid).getCellComponent(row, 3));
        }
        assertThat(links(cells)).contains(
                settings.getTitle() + " -> surveys/" + surveyId + "/edit",
                "Audit group " + id + " -> editions/" + editionId + "/groups/" + groupId,
                "Audit organisation " + id + " -> admin/organisations",
                "Test [ORGANISER] -> admin/accounts",
                "Audit log -> admin/audit");
        List<String> texts = cells.stream().map(AuditLogViewTest::text).toList();
        assertThat(texts).contains("Survey #999999999 (deleted)", "case-" + id + ":1",
                "Privacy notice 2026-" + id + " (privacy-notice:2026-" + id + ")",
                settings.getTitle() + " (survey:" + surveyId + ")");

        // in German and Russian: AuditSubjectNamesTest
    }

    @Test
    void a_subject_is_shown_by_its_name_with_a_link_and_an_unknown_one_as_recorded() {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("ROLES_CHANGED", "account:" + organiser.accountId(), null);
        auditLog.record("ROLES_CHANGED", "unknown-" + id + ":5", null);

        AuditLogView view = navigate(AuditLogView.class);
        test(view.person).setFilter(organiser.getUsername());
        test(view.person).selectItem("Test [ORGANISER] <" + organiser.getUsername() + ">");

        assertThat(test(view.grid).size()).isEqualTo(2);
        var unknown = (Span) test(view.grid).getCellComponent(0, 3);
        assertThat(unknown.getText()).isEqualTo("unknown-" + id + ":5");
        var named = test(view.grid).getCellComponent(1, 3);
        Anchor link = (Anchor) named.getChildren().findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo("Test [ORGANISER]");
        assertThat(link.getHref()).isEqualTo("admin/accounts");
        assertThat(text(named)).contains("(account:" + organiser.accountId() + ")");
    }

    /** "name -> href" of every link among the cells. */
    private static List<String> links(List<Component> cells) {
        List<String> links = new ArrayList<>();
        for (Component cell : cells) {
            cell.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast)
                    .forEach(a -> links.add(a.getText() + " -> " + a.getHref()));
        }
        return links;
    }

    private static String text(Component c) {
        StringBuilder s = new StringBuilder(c.getElement().getText());
        c.getChildren().forEach(child -> s.append(text(child)));
        return s.toString();
    }

    @Test
    void on_a_phone_each_event_is_a_card_with_its_time_actor_subject_and_details() {
        fixtures.signIn(Role.ORGANISER);
        String action = "VP-" + UUID.randomUUID().toString().substring(0, 20);
        String subject = "phone-case:" + UUID.randomUUID().toString().substring(0, 8);
        auditLog.record(action, subject, "looked at on a phone");
        AuditLogView view = navigate(AuditLogView.class);
        test(view.subject).setValue(subject);

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(view.cards.cardColumn().orElseThrow());
        String card = test(view.grid).getCellComponent(0, 0).getElement().getTextRecursively();
        assertThat(card).startsWith(action).contains("Subject: " + subject, "Details: looked at on a phone", "Time (UTC): ");
    }

    @Test
    void a_status_change_reads_in_the_organisers_language_not_as_codes() {
        fixtures.signIn(Role.ORGANISER);
        String subject = "status-case:" + UUID.randomUUID().toString().substring(0, 8);
        auditLog.record("EDITION_STATUS", subject, "DRAFT -> OPEN");
        AuditLogView view = navigate(AuditLogView.class);
        test(view.subject).setValue(subject);

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("Draft → Registration open");
    }
}
