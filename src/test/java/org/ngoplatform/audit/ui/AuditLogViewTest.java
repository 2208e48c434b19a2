package org.ngoplatform.audit.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog auditLog;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void organisers_filter_the_log_by_action_and_export_it_with_a_download_link() {
        fixtures.signIn(Role.ORGANISER);
        String action = "V-" + UUID.randomUUID().toString().substring(0, 20);
        auditLog.record(action, "edition:7", "exported 12 rows");
        auditLog.record(action, "edition:8", "exported 3 rows");

        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue(action);

        assertThat(view.count.getText()).isEqualTo("2 events");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getRow(0)).extracting(AuditEvent::getSubject).isEqualTo("edition:8");
        assertThat(view.action.getMaxLength()).isEqualTo(60);

        test(view.export).click();

        var dialog = view.export.dialog();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("export-message").single().getText()).isEqualTo("Ready: 2 rows.");
        Anchor link = find(Anchor.class).withId("export-download").single();
        assertThat(link.getText()).startsWith("Download audit-log-").endsWith(".xlsx");
        assertThat(link.getHref()).isNotBlank();
        assertThat(find(com.vaadin.flow.component.button.Button.class).withId("export-cancel").exists()).as("cancel hidden once done").isFalse();
    }

    @Test
    void organisers_filter_by_subject_and_days_and_the_export_takes_the_same_filters() {
        fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("VS-" + id, "case-" + id + ":1", "one");
        auditLog.record("VS-" + id, "case-" + id + ":1", "two");
        auditLog.record("VT-" + id, "case-" + id + ":1", "other action");
        auditLog.record("VS-" + id, "case-" + id + ":10", "similar subject");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

        AuditLogView view = navigate(AuditLogView.class);
        assertThat(view.subject.getMaxLength()).isEqualTo(200);
        test(view.subject).setValue("case-" + id + ":1");
        assertThat(view.count.getText()).isEqualTo("3 events");
        assertThat(test(view.grid).size()).isEqualTo(3);
        assertThat(test(view.grid).getRow(0)).extracting(AuditEvent::getDetails).isEqualTo("other action");

        test(view.action).setValue("VS-" + id);
        assertThat(view.count.getText()).as("action and subject together").isEqualTo("2 events");

        test(view.subject).setValue("case-" + id + ":*");
        assertThat(view.count.getText()).as("a prefix with *").isEqualTo("3 events");
        assertThat(test(view.grid).size()).isEqualTo(3);

        test(view.subject).setValue("case-" + id.substring(0, 6) + "%:1");
        assertThat(view.count.getText()).as("% is no wildcard").isEqualTo("0 events");
        test(view.subject).setValue("case-" + id + ":*");

        view.from.setValue(today.minusDays(1));
        view.to.setValue(today);
        assertThat(view.count.getText()).isEqualTo("3 events");
        view.from.setValue(today.plusDays(1));
        view.to.setValue(today.plusDays(2));
        assertThat(view.count.getText()).isEqualTo("0 events");
        view.to.setValue(today);
        assertThat(view.to.isInvalid()).as("a range that ends before it starts").isTrue();
        assertThat(view.export.isEnabled()).isFalse();
        view.from.setValue(today);
        assertThat(view.to.isInvalid()).isFalse();
        assertThat(view.count.getText()).isEqualTo("3 events");

        test(view.export).click();
        assertThat(view.export.dialog().isOpened()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("export-message").single().getText())
                .as("the export holds what the filters show").isEqualTo("Ready: 3 rows.");
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
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        assertThat(view.actionName("SURVEY_CREATED")).isEqualTo("Umfrage angelegt");
    }

    @Test
    void a_subject_is_shown_by_its_name_with_a_link_and_an_unknown_one_as_recorded() {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("VN-" + id, "account:" + organiser.accountId(), null);
        auditLog.record("VN-" + id, "account:999999999", null);

        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue("VN-" + id);

        assertThat(test(view.grid).size()).isEqualTo(2);
        var unknown = (com.vaadin.flow.component.html.Span) test(view.grid).getCellComponent(0, 3);
        assertThat(unknown.getText()).isEqualTo("account:999999999");
        var named = test(view.grid).getCellComponent(1, 3);
        Anchor link = (Anchor) named.getChildren().findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo("Test [ORGANISER]");
        assertThat(link.getHref()).isEqualTo("admin/accounts");
        assertThat(named.getElement().getText() + named.getChildren().skip(1).findFirst()
                .map(c -> c.getElement().getText()).orElse("")).contains("(account:" + organiser.accountId() + ")");
    }

    @Test
    void on_a_phone_each_event_is_a_card_with_its_time_actor_subject_and_details() {
        fixtures.signIn(Role.ORGANISER);
        String action = "VP-" + UUID.randomUUID().toString().substring(0, 20);
        auditLog.record(action, "phone-case:3", "looked at on a phone");
        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue(action);

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(view.cards.cardColumn().orElseThrow());
        String card = test(view.grid).getCellComponent(0, 0).getElement().getTextRecursively();
        assertThat(card).startsWith(action).contains("Subject: phone-case:3", "Details: looked at on a phone", "Time (UTC): ");
    }
}
