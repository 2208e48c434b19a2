package org.ngoplatform.survey.results;

import org.junit.jupiter.api.Test;
import org.ngoplatform.export.CellKind;
import org.ngoplatform.export.TextMarker;
import org.ngoplatform.survey.results.StatisticsVariables.Variable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the SPSS syntax, the R literals and the data cells, without a database. */
class SpssSyntaxTest {

    private static Variable text(String name) {
        return new Variable(name, name, CellKind.TEXT, 10, Map.of(), true, null);
    }

    private static Variable number(String name, BigDecimal lowest) {
        return new Variable(name, name, CellKind.DECIMAL, 0, Map.of(), true, lowest);
    }

    @Test
    void spss_names_avoid_reserved_words_stay_within_64_bytes_and_are_unique() {
        String long1 = "a".repeat(40) + "." + "b".repeat(40);
        String long2 = "a".repeat(40) + "." + "b".repeat(39) + "c";
        Map<String, String> names = SpssSyntax.names(List.of(text("to"), text("with"), text("role"), text(long1),
                text(long2), text("role.other_text")));
        assertThat(names).containsEntry("to", "to_q").containsEntry("with", "with_q").containsEntry("role", "role")
                .containsEntry("role.other_text", "role.other_text");
        assertThat(names.get(long1)).hasSize(64);
        assertThat(names.get(long2)).hasSizeLessThanOrEqualTo(64).isNotEqualToIgnoringCase(names.get(long1));
    }

    @Test
    void numeric_missing_codes_lie_below_every_possible_answer() {
        assertThat(number("scale", BigDecimal.ONE).numericMissing()).extracting(BigDecimal::toPlainString)
                .containsExactly("-7", "-8", "-9");
        assertThat(number("temperature", new BigDecimal("-40.5")).numericMissing()).extracting(BigDecimal::toPlainString)
                .containsExactly("-42", "-43", "-44");
        assertThat(number("free", null).numericMissing()).extracting(BigDecimal::toPlainString)
                .containsExactly("-1000000000000001", "-1000000000000002", "-1000000000000003");
    }

    @Test
    void labels_are_cut_at_a_character_boundary_and_quoted_in_short_pieces() {
        String cyrillic = "Ж".repeat(200);                                   // 400 bytes
        String cut = SpssSyntax.cut(cyrillic, SpssSyntax.VARIABLE_LABEL_MAX);
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(254);
        assertThat(SpssSyntax.cut("🌍".repeat(100), SpssSyntax.VALUE_LABEL_MAX)).isEqualTo("🌍".repeat(30));
        String quoted = SpssSyntax.quote("Say \"hi\"\nthen " + "x".repeat(100));
        assertThat(quoted).startsWith("\"Say \"\"hi\"\" then ").contains("\" +\n      \"");
        assertThat(quoted.lines()).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(80));
    }

    @Test
    void r_literals_escape_quotes_backslashes_and_control_characters() {
        assertThat(RScript.string("a \"b\" \\ c\nd\te\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\te\\u0001\"");
        assertThat(RScript.string("Київ 🌍")).isEqualTo("\"Київ 🌍\"");
    }

    @Test
    void data_cells_keep_codes_defuse_formulas_reversibly_and_flatten_lines_only_for_spss() {
        Variable amount = number("amount", BigDecimal.ZERO);
        Variable name = text("name");
        assertThat(StatisticsDownload.cell(amount, new TextMarker(".n"), true)).isEqualTo(new BigDecimal("-8"));
        assertThat(StatisticsDownload.cell(amount, new TextMarker(".n"), false)).isEqualTo(".n");
        assertThat(StatisticsDownload.cell(name, new TextMarker(".s"), true)).isEqualTo(".s");
        assertThat(StatisticsDownload.cell(name, "'quoted", false)).isEqualTo("''quoted");
        assertThat(StatisticsDownload.cell(name, "a\r\nb\nc", true)).isEqualTo("a b c");
        assertThat(StatisticsDownload.cell(name, "a\r\nb", false)).isEqualTo("a\r\nb");
        assertThat(StatisticsDownload.cell(name, null, true)).isNull();
    }
}
