package org.ngoplatform.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuned sheet writer is only faster: it writes exactly the bytes POI's own sheet writer writes. */
class TunedSheetDataWriterTest {

    @TempDir Path tmp;

    @BeforeEach
    void ownTempFolder() {
        PoiTempFiles.redirectTo(tmp);
    }

    @AfterEach
    void restoreTempFolder() {
        PoiTempFiles.restore();
    }

    /** Text that exercises every escaping rule: markup, quotes, line breaks, control characters, non-characters. */
    static final List<String> AWKWARD = List.of("", " leading", "trailing ", "\tTab", "a<b>c&d\"e'f", "line\nbreak\r\nend",
            "no-break\u00A0space", "bell\u0007 nul\u0000 esc\u001B", "non-characters \uFFFE\uFFFF", "emoji 🙂 and 東京",
            "lone high \uD83D x", "lone low \uDE42 x", "Žofia Ünal – Łódź", "=1+1", "]]>", "&amp; already", "\u2028\u0085",
            WorkbookWriterTest.LONG_32000);

    @Test
    void the_tuned_writer_writes_the_same_sheet_xml_as_pois_writer_for_awkward_text_numbers_and_blanks() throws IOException {
        for (boolean compressed : List.of(false, true)) {
            Map<String, String> poi = WorkbookWriterTest.unzip(workbook(WorkbookOptions.defaults().withTunedSheetWriter(false)
                    .withCompressTempFiles(compressed)));
            Map<String, String> tuned = WorkbookWriterTest.unzip(workbook(WorkbookOptions.defaults()
                    .withCompressTempFiles(compressed)));
            assertThat(tuned.keySet()).isEqualTo(poi.keySet());
            for (String part : poi.keySet()) {
                if (part.equals("docProps/core.xml")) continue; // holds the time the workbook was created
                assertThat(tuned.get(part)).as("%s (temp files compressed: %s)", part, compressed).isEqualTo(poi.get(part));
            }
            assertThat(tuned.get("xl/worksheets/sheet1.xml")).contains("&lt;b&gt;c&amp;d&quot;e").contains("&#xa;")
                    .contains("bell? nul? esc?").contains("🙂");
        }
    }

    private static byte[] workbook(WorkbookOptions options) throws IOException {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("Id"), Column.text("Text"), Column.longText("Long"),
                Column.decimal("Decimal"), Column.bool("Flag"), Column.yesNo("Yes/no"), Column.date("Date"),
                Column.dateTime("Time"), Column.percent("Share")));
        for (int i = 0; i < 30; i++) columns.add(Column.text("Extra " + i)); // columns past Z: AA, AB, ...
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create(options)) {
            var sheet = writer.addDataSheet("Data", columns);
            SplittableRandom random = new SplittableRandom(7);
            // more rows than the row window, so most of them go through the temp file
            for (int i = 0; i < 3 * WorkbookOptions.DEFAULT_ROW_WINDOW; i++) {
                Object[] row = new Object[columns.size()];
                row[0] = random.nextInt(4) == 0 ? null : (long) i - 100;
                row[1] = AWKWARD.get(i % AWKWARD.size());
                row[2] = i % 7 == 0 ? null : AWKWARD.get((i * 5) % AWKWARD.size());
                row[3] = switch (i % 5) {
                    case 0 -> new BigDecimal("1234567.891");
                    case 1 -> 1e-12 * i;
                    case 2 -> Double.MAX_VALUE;
                    case 3 -> -0.0;
                    default -> i / 3.0;
                };
                row[4] = i % 3 == 0 ? null : i % 2 == 0;
                row[5] = i % 2 == 1;
                row[6] = LocalDate.of(1900, 3, 1).plusDays(i * 97L);
                row[7] = LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i * 37L);
                row[8] = i % 4 == 0 ? new TextMarker("not asked") : i / 1000.0;
                for (int c = 9; c < row.length; c++) row[c] = random.nextInt(3) == 0 ? null : "x" + c;
                sheet.row(row);
            }
            writer.writeTo(out);
        }
        return out.toByteArray();
    }
}
