package org.ngoplatform;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.registration.EditionFixtures;

@TestConfiguration(proxyBeanMethods = false)
@Import({AccountFixtures.class, EditionFixtures.class})
public class TestSupportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TestSupportConfiguration.class);

    /**
     * A developer's test database may hold a schema from an older branch; rebuild it then rather than fail.
     * Production never cleans (Flyway's clean stays disabled there).
     */
    @Bean
    FlywayMigrationStrategy cleanWhenOutdated() {
        return flyway -> {
            try {
                flyway.migrate();
            } catch (FlywayException outdated) {
                log.warn("Test database schema does not match the migrations ({}); rebuilding it", outdated.getMessage());
                flyway.clean();
                flyway.migrate();
            }
        };
    }
}
