package org.ngoplatform.export;

import org.ngoplatform.base.security.NamedPrincipal;
import org.ngoplatform.base.live.LiveUpdates;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM by {@link ExportCrashTest}: starts a background export of a participant list into the export
 * folder given as argument, prints each export event and "RUNNING" once rows are on disk, then waits to be killed.
 */
public final class ExportCrashChild {

    record Person(String auditName) implements NamedPrincipal {
        @Override
        public String displayName() {
            return "organiser";
        }
    }

    public static void main(String[] args) throws Exception {
        Path parent = Path.of(args[0]);
        String subject = args[1];
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(new Person("account:crash-test"), null, List.of()));
        ExportService exports = new ExportService(event -> {
            if (event instanceof ExportEvent e) {
                System.out.println("EVENT\t" + e.action() + "\t" + e.subject() + "\t" + e.details());
                System.out.flush();
            }
        }, new LiveUpdates(), Clock.systemUTC(), new ExportSettings(parent, Duration.ofHours(1), 1, 0, 10));
        exports.start(new ExportRequest("Participants", subject, "participants", ExportFormat.XLSX, 100_000, "", true),
                ExportContent.xlsx(wb -> {
                    var sheet = wb.addDataSheet("Participants", List.of(Column.text("Name"), Column.text("Dietary needs"),
                            Column.text("Accessibility needs")));
                    for (int i = 0; ; i++) {
                        sheet.row("Participant " + i, "vegan, nut allergy", "wheelchair access");
                        if (i == 1_000) {
                            System.out.println("RUNNING");
                            System.out.flush();
                            try {
                                Thread.sleep(Long.MAX_VALUE);
                            } catch (InterruptedException e) {
                                throw new java.io.InterruptedIOException();
                            }
                        }
                    }
                }));
        Thread.sleep(Long.MAX_VALUE);
    }
}
