package org.ngoplatform.export.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.ExportState;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The progress dialog follows a background job pushed from the export thread, and cancels it. */
@IntegrationTest
class ExportProgressDialogTest extends SpringBrowserlessTest {

    @Autowired ExportService exports;
    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private ExportStatus startBlocked(CountDownLatch go, int rows) {
        var request = new ExportRequest("Participant list", "test-dialog:" + UUID.randomUUID(), "participants",
                ExportFormat.XLSX, rows, "", false);
        return exports.start(request, ExportContent.xlsx(wb -> {
            var sheet = wb.addDataSheet("Data", List.of(Column.integer("N")));
            for (int i = 0; i < rows; i++) {
                sheet.row(i);
                if (i == 10) {
                    try {
                        go.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }));
    }

    /** Waits until the job is final and its final state has been pushed to the dialog. */
    private void waitUntilFinal(String jobId, ExportProgressDialog dialog) {
        await().pollInSameThread().atMost(60, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).until(() -> {
            runPushedUpdates();
            return exports.status(jobId).state().isFinal() && !dialog.cancel.isVisible();
        });
    }

    /** What @Push would deliver: the UI.access tasks queued by the export thread. */
    private static void runPushedUpdates() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    @Test
    void progress_is_pushed_and_a_download_link_with_its_expiry_appears_when_done() throws Exception {
        fixtures.signIn(Role.ORGANISER);
        CountDownLatch go = new CountDownLatch(1);
        ExportStatus status = startBlocked(go, 5_000);
        var dialog = new ExportProgressDialog(exports, status);
        dialog.open();
        UI.getCurrent().add(dialog);
        runPushedUpdates();
        assertThat(dialog.cancel.isVisible()).isTrue();
        assertThat(dialog.message.getText()).matches("Waiting for a free slot…|\\d+ of 5,000 rows");

        go.countDown();
        waitUntilFinal(status.jobId(), dialog);

        assertThat(dialog.message.getText()).isEqualTo("Ready: 5,000 rows.");
        assertThat(dialog.bar.getValue()).isEqualTo(1.0);
        assertThat(dialog.cancel.isVisible()).isFalse();
        assertThat(dialog.downloadArea.getChildren().filter(Anchor.class::isInstance)).hasSize(1);
        assertThat(dialog.downloadArea.getElement().getTextRecursively()).contains("Download participants.xlsx")
                .contains("The file is deleted at");
    }

    @Test
    void cancel_stops_the_job_and_says_nothing_was_kept() throws Exception {
        fixtures.signIn(Role.ORGANISER);
        CountDownLatch go = new CountDownLatch(1);
        ExportStatus status = startBlocked(go, 50_000);
        var dialog = new ExportProgressDialog(exports, status);
        dialog.open();
        UI.getCurrent().add(dialog);
        roundTrip();

        dialog.cancel.click();
        go.countDown();
        waitUntilFinal(status.jobId(), dialog);

        assertThat(exports.status(status.jobId()).state()).isEqualTo(ExportState.CANCELLED);
        assertThat(dialog.message.getText()).isEqualTo("Export cancelled. Nothing was kept.");
        assertThat(dialog.downloadArea.getChildren()).isEmpty();
    }
}
