package org.ngoplatform.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action code the app records has a name in the audit log, in every language. The codes are read from the
 * sources: the literal codes given to {@code audit.record(...)}, the outcome workflow's transitions and the export
 * events' constants.
 */
class AuditActionNamesTest {

    private static final Pattern RECORDING = Pattern.compile(
            "audit\\.record\\([^;]*|transition\\(g, WorkflowState\\.[A-Z]+, \"[A-Z_]+\"|public static final String [A-Z]+ = \"EXPORT_[A-Z_]+\"");
    private static final Pattern CODE = Pattern.compile("\"([A-Z]+(?:_[A-Z]+)+)\"");

    static Set<String> recordedCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var recording = RECORDING.matcher(Files.readString(file));
                while (recording.find()) {
                    var code = CODE.matcher(recording.group());
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void every_action_code_the_app_records_has_a_name_in_every_language() throws IOException {
        Set<String> codes = recordedCodes();
        assertThat(codes).contains("SURVEY_CREATED", "ACCOUNT_ENABLED", "ACCOUNT_DISABLED", "OUTCOMES_UNLOCKED",
                "EXPORT_FINISHED", "JOINT_ACTION_UPDATED").hasSizeGreaterThan(40);
        for (String suffix : new String[] {"", "_de", "_ru"}) {
            Properties names = new Properties();
            try (var in = getClass().getResourceAsStream("/messages-audit" + suffix + ".properties")) {
                names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String code : codes) {
                assertThat(names.getProperty("audit.action." + code)).as("name of %s in messages-audit%s", code, suffix)
                        .isNotBlank();
            }
        }
    }
}
