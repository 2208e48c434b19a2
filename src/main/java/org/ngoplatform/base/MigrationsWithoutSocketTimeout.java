package org.ngoplatform.base;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The pool bounds every read from MariaDB ({@code socketTimeout}, application.properties) so a hung database shows
 * the outage page within seconds. A migration may legitimately run one statement for longer (an ALTER TABLE of a
 * big table), so Flyway's connections wait without limit; the pool resets the timeout when they come back.
 */
@Component
class MigrationsWithoutSocketTimeout implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool == null) {
            return;
        }
        configuration.dataSource(new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return unbounded(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return unbounded(super.getConnection(username, password));
            }
        });
    }

    private static Connection unbounded(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLFeatureNotSupportedException | UnsupportedOperationException notSupported) {
            // H2 in process: no socket
        }
        return connection;
    }
}
