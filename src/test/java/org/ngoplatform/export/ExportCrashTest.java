package org.ngoplatform.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.live.LiveUpdates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM really killed ({@code destroyForcibly}, SIGKILL) in the middle of an export, then a new start on the same
 * export folder: nothing of the export is left on disk and the audit log ends the export as abandoned.
 */
@IntegrationTest
class ExportCrashTest {

    @Autowired AuditLog auditLog;
    @Autowired ApplicationEventPublisher events;
    @Autowired AccountFixtures fixtures;

    @TempDir Path exportRoot;
    private final List<ExportService> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        started.forEach(ExportService::shutdown);
        AccountFixtures.signOut();
    }

    private ExportService newInstance() {
        ExportService service = new ExportService(events, new LiveUpdates(), Clock.systemUTC(),
                new ExportSettings(exportRoot, Duration.ofHours(1), 1, 0, 10));
        started.add(service);
        return service;
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        try (var all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void a_restart_after_a_kill_mid_export_removes_its_files_and_audits_the_export_as_abandoned() throws Exception {
        String subject = "crash-export:" + UUID.randomUUID();
        ExportService running = newInstance(); // another instance, alive all along: its folder must stay
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExportCrashChild.class.getName(),
                exportRoot.toString(), subject).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.equals("RUNNING"); ) {
                if (line.startsWith("EVENT\t")) {
                    // what the killed JVM's audit listener recorded before it died
                    String[] e = line.split("\t", 4);
                    auditLog.record(e[1], e[2], e[3]);
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        List<Path> left = filesUnder(exportRoot);
        assertThat(left).as("what the kill left").anyMatch(p -> p.toString().endsWith(".part"))
                .anyMatch(p -> p.getFileName().toString().startsWith("poi-sxssf"));

        ExportService restarted = newInstance();
        restarted.cleanUpAfterEarlierRuns();

        assertThat(filesUnder(exportRoot)).as("files left after the restart")
                .allMatch(p -> p.startsWith(running.directory()) || p.startsWith(restarted.directory())
                        || p.getFileName().toString().endsWith(".owner"));
        assertThat(running.directory()).isDirectory();
        assertThat(restarted.directory()).isDirectory();
        try (var entries = Files.list(exportRoot)) {
            assertThat(entries.filter(p -> p.getFileName().toString().endsWith(".owner"))).hasSize(2);
        }
        fixtures.signIn(Role.ORGANISER);
        List<AuditEvent> audit = auditLog.forSubject(subject);
        assertThat(audit).extracting(AuditEvent::getAction).containsExactly(ExportService.STARTED, ExportService.ABANDONED);
        String job = audit.getFirst().getDetails().replaceAll(".*job=", "");
        assertThat(audit.getLast().getDetails()).contains("job=" + job, "what=Participants", "reason=instance stopped");
    }
}
