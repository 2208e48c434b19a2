package org.ngoplatform.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * LibreOffice (Debian package {@code libreoffice-calc-nogui}) opens the workbook without complaint:
 * converting it to PDF renders every sheet and chart, converting to CSV shows formula-like text as text.
 * Skipped, with a message, only where LibreOffice is not installed.
 */
class LibreOfficeOpensWorkbookTest {

    @TempDir Path tmp;

    private static String libreOffice() {
        for (String candidate : List.of("/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/libreoffice")) {
            if (new File(candidate).canExecute()) return candidate;
        }
        return null;
    }

    @Test
    void libreoffice_converts_the_workbook_to_pdf_and_csv() throws Exception {
        String office = libreOffice();
        assumeTrue(office != null, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui); skipping the open-in-LibreOffice check");
        Path xlsx = tmp.resolve("sample.xlsx");
        Files.write(xlsx, WorkbookWriterTest.sample(WorkbookOptions.defaults()));

        convert(office, xlsx, "pdf");
        Path pdf = tmp.resolve("sample.pdf");
        assertThat(pdf).exists();
        assertThat(Files.size(pdf)).isGreaterThan(5_000);

        convert(office, xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2");
        // sheet 2 ("Responses") as CSV: the formula-like answers arrive as their text, not as results
        Path csv = Files.list(tmp).filter(p -> p.getFileName().toString().endsWith(".csv"))
                .filter(p -> p.getFileName().toString().contains("Responses")).findFirst().orElseThrow();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("=1+1").contains("HYPERLINK").contains("Žofia Ünal").doesNotContain(",2,");
    }

    private void convert(String office, Path xlsx, String target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(office, "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", target, "--outdir", tmp.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("office-" + target.hashCode() + ".log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished in time").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("office-" + target.hashCode() + ".log"))).isZero();
    }
}
