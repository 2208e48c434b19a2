package org.ngoplatform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Features own version ranges (registration V10–V19, survey V20–V29, …), so a database that already has V60 later
 * receives, say, V11. With the app's own Flyway settings such a database must still migrate (H2, as the
 * embedded default); without out-of-order Flyway would refuse to start the app.
 */
class MigrationOrderTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir Path older;

    @Test
    void a_database_built_before_later_migrations_of_each_feature_range_still_migrates() throws Exception {
        Path all = Path.of(new ClassPathResource("db/migration").getURL().toURI());
        List<Path> late;
        try (Stream<Path> files = Files.list(all)) {
            late = files.filter(f -> !firstOfItsRange(f)).toList();
        }
        assertThat(late).as("migrations added later within a feature range").isNotEmpty();
        try (Stream<Path> files = Files.list(all)) {
            for (Path f : files.filter(f -> firstOfItsRange(f)).toList()) {
                Files.copy(f, older.resolve(f.getFileName()));
            }
        }
        String url = "jdbc:h2:mem:order-" + UUID.randomUUID()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + older).load().migrate();

        assertThatThrownBy(() -> flyway(url, false).migrate()).as("in-order Flyway refuses the late ones")
                .isInstanceOf(FlywayException.class);
        int applied = flyway(url, appOutOfOrder()).migrate().migrationsExecuted;
        assertThat(applied).isEqualTo(late.size());
        assertThat(flyway(url, appOutOfOrder()).info().pending()).isEmpty();
    }

    private static Flyway flyway(String url, boolean outOfOrder) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").outOfOrder(outOfOrder).load();
    }

    private static boolean appOutOfOrder() throws IOException {
        return Boolean.parseBoolean(PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
                .getProperty("spring.flyway.out-of-order", "false"));
    }

    /** V1, V10, V20, V40, V50, V60: the first migration of each range; V2 stays with V1 as shared reference data. */
    private static boolean firstOfItsRange(Path file) {
        Matcher m = VERSION.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("unexpected migration file " + file);
        }
        int v = Integer.parseInt(m.group(1));
        return v < 10 || v % 10 == 0;
    }
}
