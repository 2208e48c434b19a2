package org.ngoplatform.survey.design;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.ngoplatform.survey.SurveyStructure.Condition;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V26 turns each single condition (a question code and its option codes) into the same test as one clause, on H2 in
 * MariaDB mode as the embedded default runs it: the seeded compensation survey's conditions and one on several options.
 */
class ConditionMigrationTest {

    @TempDir Path before26;

    @Test
    void existing_single_conditions_migrate_to_one_clause_with_the_same_meaning() throws Exception {
        // every migration before V26 (whatever else the ranges hold), then all of them as the app runs them
        Path all = Path.of(new ClassPathResource("db/migration").getURL().toURI());
        try (Stream<Path> files = Files.list(all)) {
            for (Path f : files.filter(f -> version(f) < 26).toList()) {
                Files.copy(f, before26.resolve(f.getFileName()));
            }
        }
        String url = "jdbc:h2:mem:conditions-" + UUID.randomUUID()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        DataSource ds = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(ds).locations("filesystem:" + before26).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        // one more condition, on two options of the seeded multiple choice "obstacles"
        jdbc.sql("UPDATE survey_question SET condition_question = 'obstacles', condition_options = 'proof,residence' "
                + "WHERE code = 'asset_freezing'").update();
        Map<String, Condition> before = new LinkedHashMap<>();
        jdbc.sql("SELECT code, condition_question, condition_options FROM survey_question WHERE condition_question IS NOT NULL ORDER BY id")
                .query((rs, n) -> before.put(rs.getString(1), Condition.oneOf(rs.getString(2),
                        new LinkedHashSet<>(List.of(rs.getString(3).split(",")))))).list();
        assertThat(before).containsKeys("asset_freezing", "training_date").hasSizeGreaterThan(2);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load().migrate();

        Map<String, Condition> after = new LinkedHashMap<>();
        jdbc.sql("SELECT code, condition_rule FROM survey_question WHERE condition_rule IS NOT NULL ORDER BY id")
                .query((rs, n) -> after.put(rs.getString(1), ConditionJson.read(rs.getString(2)))).list();
        assertThat(after).isEqualTo(before);
        assertThat(after.get("asset_freezing").clauses().getFirst().optionCodes()).containsExactly("proof", "residence");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_question WHERE condition_rule IS NULL").query(Long.class).single())
                .as("questions without a condition stay without").isPositive();
    }

    private static int version(Path migration) {
        Matcher m = Pattern.compile("V(\\d+)__.*\\.sql").matcher(migration.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
