package org.ngoplatform.privacy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    /** The expected text is what the former hand-written writer produced for the same document. */
    @Test
    void the_my_data_file_is_indented_json_with_markup_and_line_separators_escaped() {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", 42L);
        account.put("email", "a@b.c");
        account.put("enabled", true);
        account.put("last_login_at", null);
        account.put("day", LocalDate.of(2026, 1, 2));
        account.put("count", 7);
        account.put("number_value", new BigDecimal("1E+3"));
        account.put("text", "<script>alert(1)</script> \"quoted\" \\ \u2713 / & line\nbreak\ttab\r\u0001\u2028\u2029 \u017dofia \uD83D\uDE42");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generatedAt", Instant.parse("2026-11-28T10:00:00Z"));
        doc.put("account", account);
        doc.put("roles", List.of("ORGANISER", "PARTICIPANT"));
        doc.put("empty", List.of());
        doc.put("emptyMap", Map.of());
        doc.put("rows", List.of(Map.of("k", 1.5d), List.of(1, 2)));

        assertThat(Json.write(doc)).isEqualTo(
                "{\n"
                + "  \"generatedAt\": \"2026-11-28T10:00:00Z\",\n"
                + "  \"account\": {\n"
                + "    \"id\": 42,\n"
                + "    \"email\": \"a@b.c\",\n"
                + "    \"enabled\": true,\n"
                + "    \"last_login_at\": null,\n"
                + "    \"day\": \"2026-01-02\",\n"
                + "    \"count\": 7,\n"
                + "    \"number_value\": 1000,\n"
                + "    \"text\": \"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\"quoted\\\" \\\\ \u2713 / \\u0026 line\\nbreak\\ttab\\r\\u0001\\u2028\\u2029 \u017dofia \uD83D\uDE42\"\n"
                + "  },\n"
                + "  \"roles\": [\n"
                + "    \"ORGANISER\",\n"
                + "    \"PARTICIPANT\"\n"
                + "  ],\n"
                + "  \"empty\": [],\n"
                + "  \"emptyMap\": {},\n"
                + "  \"rows\": [\n"
                + "    {\n"
                + "      \"k\": 1.5\n"
                + "    },\n"
                + "    [\n"
                + "      1,\n"
                + "      2\n"
                + "    ]\n"
                + "  ]\n"
                + "}\n");
    }
}
