package org.ngoplatform.export.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
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
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("export-message").single().getText()).isEqualTo("Ready: 2 rows.");
        Anchor link = $(Anchor.class).withId("export-download").single();
        assertThat(link.getText()).startsWith("Download audit-log-").endsWith(".xlsx");
        assertThat(link.getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.button.Button.class).withId("export-cancel").exists()).as("cancel hidden once done").isFalse();
    }
}
