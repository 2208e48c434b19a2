package org.ngoplatform.base;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure every table Flyway creates in a MariaDB database is utf8mb4, before anything connects to it.
 * <p>
 * MariaDB's upstream default character set is latin1, and a database made by {@code createDatabaseIfNotExist}
 * takes the server's default; the migrations name no character set, so their tables would be latin1 and the
 * first Cyrillic text (V53) fails half-way. The database's default is therefore switched to utf8mb4 when no
 * table is in another character set yet (a new database, or one whose tables are all utf8mb4). A database
 * that already holds tables in another character set is refused before anything is migrated, with the
 * statements an operator runs to convert it: converting someone's data silently is not this app's call.
 * H2 (the embedded default) stores Unicode whatever it is told, so it is left alone.
 * <p>
 * Why as soon as the data source exists, on a connection of its own: MariaDB fixes a session's default
 * character set when the session selects its database, so a connection opened before the default changes
 * keeps creating latin1 tables (measured: selecting the same database again does not refresh it). Flyway's
 * callbacks run on a connection other than the one it migrates on, opened earlier, and a pool opens its idle
 * connections at once; so the check runs before either exists.
 */
@Component
public class DatabaseCharsetCheck implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCharsetCheck.class);
    private static final String UTF8MB4 = "utf8mb4";
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            prepare(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return bean;
    }

    /**
     * Switches a MariaDB database without non-utf8mb4 tables to utf8mb4, or refuses one that has such tables.
     *
     * @throws IllegalStateException with the statements to run, when the database holds tables in another charset
     */
    public static void prepare(String jdbcUrl, String user, String password) {
        if (!(jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"))) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            check(connection);
        } catch (SQLException e) {
            // not reachable now: the pool and Flyway report that in their own words
            log.warn("Could not check the database's character set: {}", e.getMessage());
        }
    }

    private static void check(Connection connection) throws SQLException {
        String historyTable = FLYWAY_HISTORY;
        String database = single(connection, "SELECT DATABASE()");
        String charset = single(connection, "SELECT @@character_set_database");
        List<String> notUtf8mb4 = tablesNotInUtf8mb4(connection, database);
        // a history table of a run that stopped at the refusal below holds only script names
        boolean historyToConvert = notUtf8mb4.remove(historyTable);
        if (!notUtf8mb4.isEmpty()) {
            if (historyToConvert) {
                notUtf8mb4.add(historyTable);
            }
            throw new IllegalStateException(refusal(database, charset, notUtf8mb4));
        }
        try (Statement statement = connection.createStatement()) {
            if (!UTF8MB4.equalsIgnoreCase(charset)) {
                statement.execute("ALTER DATABASE " + quoted(database) + " CHARACTER SET utf8mb4");
                log.info("Database {} had the default character set {}; switched it to utf8mb4 before migrating",
                        database, charset);
            }
            if (historyToConvert) {
                statement.execute("ALTER TABLE " + quoted(historyTable) + " CONVERT TO CHARACTER SET utf8mb4");
            }
        }
    }

    /** Tables (or their text columns) of this database that are not utf8mb4. */
    private static List<String> tablesNotInUtf8mb4(Connection connection, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT t.TABLE_NAME FROM information_schema.TABLES t"
                        + " LEFT JOIN information_schema.COLUMNS c"
                        + " ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
                        + " WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'"
                        + " AND (t.TABLE_COLLATION NOT LIKE 'utf8mb4%'"
                        + " OR (c.CHARACTER_SET_NAME IS NOT NULL AND c.CHARACTER_SET_NAME <> 'utf8mb4'))"
                        + " ORDER BY t.TABLE_NAME")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String refusal(String database, String charset, List<String> tables) {
        StringBuilder text = new StringBuilder()
                .append("Database ").append(quoted(database)).append(" (default character set ").append(charset)
                .append(") holds tables that are not utf8mb4: ").append(String.join(", ", tables))
                .append(". NGO Platform stores names and texts in every language and needs utf8mb4;")
                .append(" nothing was migrated. Back the database up, then convert it:\n")
                .append("  ALTER DATABASE ").append(quoted(database)).append(" CHARACTER SET utf8mb4;\n");
        for (String table : tables) {
            text.append("  ALTER TABLE ").append(quoted(table)).append(" CONVERT TO CHARACTER SET utf8mb4;\n");
        }
        return text.append("or point the app at a new, empty database (and start MariaDB with")
                .append(" --character-set-server=utf8mb4 so new databases get it by default).").toString();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
