package org.ngoplatform.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void text_that_a_spreadsheet_would_evaluate_gets_a_leading_apostrophe() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var csv = new CsvWriter(out)) {
            csv.header(List.of("name", "=cmd"));
            csv.row("=1+1", "+41 22", "-2+3", "@SUM(A1)", "\tx", "\ry", "plain", "a=b");
            csv.row("=HYPERLINK(\"http://x\",\"y\")", -5, -1.5, new BigDecimal("-0.25"), true, LocalDate.of(2026, 1, 2),
                    Instant.parse("2026-01-02T03:04:05Z"), null, "line\nbreak, comma", "Žofia 🙂");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("name,'=cmd");
        assertThat(lines[1]).isEqualTo("'=1+1,'+41 22,'-2+3,'@SUM(A1),'\tx,\"'\ry\",plain,a=b");
        assertThat(lines[2]).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5,-1.5,-0.25,1,2026-01-02,2026-01-02 03:04:05,,"
                + "\"line\nbreak, comma\",Žofia 🙂");
    }

    @Test
    void neutralise_leaves_ordinary_text_alone() {
        assertThat(CsvWriter.neutralise("Tallinn")).isEqualTo("Tallinn");
        assertThat(CsvWriter.neutralise("")).isEmpty();
        assertThat(CsvWriter.neutralise("-")).isEqualTo("'-");
    }
}
