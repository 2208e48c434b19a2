package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;
import java.util.UUID;

/**
 * Not part of the suite (the name does not end in Test): run on demand with
 * {@code mvn -o test -Dtest=ReportExportBenchmark}; figures go to docs/performance.md, nothing is asserted.
 */
@IntegrationTest
class ReportExportBenchmark {

    static final int GROUPS = 2;
    static final int ENTRIES = 150;

    @Autowired AccountFixtures fixtures;
    @Autowired WorkshopService workshops;
    @Autowired OutcomeService outcomes;
    @Autowired WorkshopReportService reports;
    @Autowired EditionService editions;
    @Autowired ExportService exports;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void measure() throws InterruptedException {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        long edition = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long addNanosLast = 0;
        long started = System.nanoTime();
        for (int g = 0; g < GROUPS; g++) {
            GroupForm form = new GroupForm();
            form.setTitle("Bench " + UUID.randomUUID().toString().substring(0, 6));
            long id = workshops.createGroup(edition, form).id();
            for (int i = 0; i < ENTRIES; i++) {
                long t = System.nanoTime();
                outcomes.add(id, new EntryDraft(EntryType.values()[i % 4], "Outcome " + i + " – Überlegung zur Datenschutz-Grundverordnung, ", null, null));
                if (i == ENTRIES - 1) addNanosLast += System.nanoTime() - t;
            }
            outcomes.submit(id);
            outcomes.approve(id);
        }
        long filled = System.nanoTime() - started;
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long t0 = System.nanoTime();
        finish(reports.exportReport(edition, Locale.ENGLISH));
        long cold = System.nanoTime() - t0;
        long t = System.nanoTime();
        ExportStatus done = finish(reports.exportReport(edition, Locale.ENGLISH));
        long export = System.nanoTime() - t;
        System.out.printf("BENCHMARK report export, first in this JVM (POI warm-up): %d ms%n", cold / 1_000_000);
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("BENCHMARK outcomes: %d adds in %d ms (%.1f ms each), add #%d in a group took %.1f ms on average%n",
                GROUPS * ENTRIES, filled / 1_000_000, filled / 1e6 / (GROUPS * ENTRIES), ENTRIES, addNanosLast / 1e6 / GROUPS);
        System.out.printf("BENCHMARK report export, warm: %d ms, %d bytes, %d approved groups in the report, heap delta %d MB%n",
                export / 1_000_000, done.fileSize(), reports.report(edition).groups().size(), (heapAfter - heapBefore) / 1_000_000);
        organiser.getUsername();
    }

    private ExportStatus finish(ExportStatus status) throws InterruptedException {
        while (!status.state().isFinal()) {
            Thread.sleep(2);
            status = exports.status(status.jobId());
        }
        if (status.state() != ExportState.DONE) throw new IllegalStateException("export " + status.state());
        return status;
    }
}
