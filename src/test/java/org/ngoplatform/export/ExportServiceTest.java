package org.ngoplatform.export;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.live.LiveUpdates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jobs on a service of the test's own (own folder, mutable clock, one thread, no queue); the audit log is
 * the real one on MariaDB.
 */
@IntegrationTest
class ExportServiceTest {

    @Autowired AuditLog auditLog;
    @Autowired ApplicationEventPublisher events;
    @Autowired LiveUpdates live;
    @Autowired AccountFixtures fixtures;
    @Autowired ExportService springExports;

    @TempDir Path exportRoot;
    @TempDir Path poiTemp;

    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    ExportService exports;
    AccountPrincipal owner;
    String subject;

    @BeforeEach
    void setUp() {
        PoiTempFiles.redirectTo(poiTemp);
        exports = new ExportService(events, live, clock, new ExportSettings(exportRoot, Duration.ofMinutes(30), 1, 0, 100));
        owner = fixtures.signIn(Role.ORGANISER);
        subject = "test-export:" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        exports.shutdown();
        PoiTempFiles.restore();
        AccountFixtures.signOut();
    }

    private ExportRequest request(long expectedRows) {
        return new ExportRequest("Test list", subject, "test list", ExportFormat.XLSX, expectedRows, "status=CONFIRMED", false);
    }

    private static ExportContent rows(int n, CountDownLatch pauseAfterFirst) {
        return ExportContent.xlsx(wb -> {
            var sheet = wb.addDataSheet("Data", List.of(Column.integer("N"), Column.text("Name"), Column.date("Day")));
            for (int i = 0; i < n; i++) {
                sheet.row(i, "name " + i, LocalDate.of(2026, 1, 1));
                if (i == 0 && pauseAfterFirst != null) {
                    try {
                        pauseAfterFirst.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    private List<AuditEvent> audit() {
        return auditLog.forSubject(subject);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void a_small_export_runs_inline_and_only_its_owner_may_download_it() throws IOException {
        ExportStatus status = exports.start(request(3), rows(3, null));

        assertThat(status.state()).isEqualTo(ExportState.DONE);
        assertThat(status.rowsDone()).isEqualTo(3);
        assertThat(status.fileName()).isEqualTo("test-list.xlsx");
        assertThat(status.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        ExportFile file = exports.download(status.jobId());
        try (InputStream in = Files.newInputStream(file.path()); var wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Data").getLastRowNum()).isEqualTo(3);
        }
        assertThat(audit()).extracting(AuditEvent::getAction)
                .containsExactly(ExportService.STARTED, ExportService.FINISHED, ExportService.DOWNLOADED);
        AuditEvent finished = audit().get(1);
        assertThat(finished.getActor()).isEqualTo(owner.auditName());
        assertThat(finished.getDetails()).contains("what=Test list", "rows=3", "filter=status=CONFIRMED", "identity=false",
                "job=" + status.jobId());

        fixtures.signIn(Role.ORGANISER);
        assertThatThrownBy(() -> exports.download(status.jobId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.status(status.jobId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.cancel(status.jobId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.subscribe(status.jobId(), s -> { })).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.signOut();
        assertThatThrownBy(() -> exports.download(status.jobId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_large_export_runs_in_the_background_reporting_progress_and_leaves_no_temp_files() throws Exception {
        List<ExportStatus> seen = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExportStatus started = exports.start(request(20_000), rows(20_000, go));
        assertThat(started.state()).isIn(ExportState.QUEUED, ExportState.RUNNING);
        var registration = exports.subscribe(started.jobId(), seen::add);
        go.countDown();
        await(() -> !seen.isEmpty() && seen.getLast().state().isFinal());
        registration.remove();

        ExportStatus done = exports.status(started.jobId());
        assertThat(done.state()).isEqualTo(ExportState.DONE);
        assertThat(done.rowsDone()).isEqualTo(20_000);
        assertThat(seen).isNotEmpty();
        assertThat(seen.getLast().state()).isEqualTo(ExportState.DONE);
        assertThat(seen).extracting(ExportStatus::rowsDone).isSorted();
        assertThat(PoiTempFiles.filesUnder(poiTemp)).as("POI temp files").isEmpty();
        assertThat(PoiTempFiles.filesUnder(exports.directory())).containsExactly(exports.download(done.jobId()).path());
        assertThat(exports.myJobs()).extracting(ExportStatus::jobId).contains(done.jobId());
        assertThat(audit()).filteredOn(e -> e.getAction().equals(ExportService.FINISHED)).singleElement()
                .extracting(AuditEvent::getDetails).asString().contains("rows=20000");
    }

    @Test
    void cancelling_stops_the_work_and_removes_every_file() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExportStatus started = exports.start(request(50_000), rows(50_000, go));
        await(() -> exports.status(started.jobId()).state() == ExportState.RUNNING);
        exports.cancel(started.jobId());
        go.countDown();
        await(() -> exports.status(started.jobId()).state().isFinal());

        ExportStatus status = exports.status(started.jobId());
        assertThat(status.state()).isEqualTo(ExportState.CANCELLED);
        assertThat(status.rowsDone()).isLessThan(50_000);
        assertThat(PoiTempFiles.filesUnder(poiTemp)).isEmpty();
        assertThat(PoiTempFiles.filesUnder(exports.directory())).isEmpty();
        assertThatThrownBy(() -> exports.download(started.jobId())).isInstanceOf(ExportUnavailableException.class);
        assertThat(audit()).extracting(AuditEvent::getAction).containsExactly(ExportService.STARTED, ExportService.CANCELLED);
    }

    @Test
    void a_failing_export_is_reported_audited_and_cleaned_up() {
        ExportStatus status = exports.start(request(10), ExportContent.xlsx(wb -> {
            var sheet = wb.addDataSheet("Data", List.of(Column.integer("N")));
            for (int i = 0; i < 5; i++) sheet.row(i);
            throw new IOException("database went away");
        }));
        assertThat(status.state()).isEqualTo(ExportState.FAILED);
        assertThat(PoiTempFiles.filesUnder(poiTemp)).isEmpty();
        assertThat(PoiTempFiles.filesUnder(exports.directory())).isEmpty();
        assertThat(audit()).extracting(AuditEvent::getAction).containsExactly(ExportService.STARTED, ExportService.FAILED);
        assertThat(audit().getLast().getDetails()).contains("rows=5", "reason=IOException");
    }

    @Test
    void a_finished_file_expires_and_the_cleanup_deletes_it() {
        ExportStatus status = exports.start(request(2), rows(2, null));
        Path file = exports.download(status.jobId()).path();

        clock.advance(Duration.ofMinutes(29));
        exports.cleanupExpired();
        assertThat(file).exists();
        assertThat(exports.status(status.jobId()).state()).isEqualTo(ExportState.DONE);

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> exports.download(status.jobId())).isInstanceOf(ExportUnavailableException.class);
        exports.cleanupExpired();
        assertThat(file).doesNotExist();
        assertThat(exports.status(status.jobId()).state()).isEqualTo(ExportState.EXPIRED);
    }

    @Test
    void when_every_slot_is_busy_a_new_export_is_refused_not_queued_forever() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExportStatus first = exports.start(request(1_000), rows(1_000, go));
        try {
            await(() -> exports.status(first.jobId()).state() == ExportState.RUNNING);
            assertThatThrownBy(() -> exports.start(request(1_000), rows(1_000, null))).isInstanceOf(ExportBusyException.class);
        } finally {
            go.countDown();
        }
        await(() -> exports.status(first.jobId()).state().isFinal());
        assertThat(exports.status(first.jobId()).state()).isEqualTo(ExportState.DONE);
    }

    @Test
    void exporting_requires_a_signed_in_person() {
        AccountFixtures.signOut();
        assertThatThrownBy(() -> springExports.start(request(1), rows(1, null)))
                .isInstanceOfAny(AccessDeniedException.class,
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
