package org.ngoplatform;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.ngoplatform.account.AccountFixtures;

@TestConfiguration(proxyBeanMethods = false)
@Import({AccountFixtures.class, EditionFixtures.class})
public class TestSupportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TestSupportConfiguration.class);

    /**
     * The test database is shared by every run and keeps each run's fixture accounts. Organiser fixtures of earlier
     * runs are disabled when this JVM's first context starts, so mails "to every organiser" (retention warnings)
     * reach this run's organisers only, instead of a list that grows with every run.
     */
    @Bean
    ApplicationRunner retireOrganiserFixturesOfEarlierRuns(JdbcTemplate jdbc) {
        return leftByEarlierRuns(jdbc, """
                UPDATE account SET enabled = FALSE
                WHERE enabled = TRUE AND email LIKE 't-%@test.ngo-platform.local' AND created_at < ?
                  AND id IN (SELECT account_id FROM account_role WHERE role = 'ORGANISER')""",
                "Disabled {} organiser fixtures left by earlier test runs");
    }

    /**
     * Editions that earlier runs' fixtures made ({@code EditionFixtures}: "Testville-…", ~120 a run) are put back to
     * drafts, which only organisers see, when this JVM's first context starts. Left public they were all on the home
     * page, which every browser journey and view test visits: 870 cards after seven runs, ~230 ms a visit, and
     * {@code TextLimitsTest} (a home visit before each of its ~300 route visits) took 9 s, 46 s, 71 s and 92 s in
     * successive runs on one database. Archiving them instead is no help: the home page lists archived editions as
     * past. Nothing of this run refers to them; organisers' grids page lazily.
     */
    @Bean
    ApplicationRunner hideEditionFixturesOfEarlierRuns(JdbcTemplate jdbc) {
        return leftByEarlierRuns(jdbc, "UPDATE edition SET status = 'DRAFT' WHERE status <> 'DRAFT' "
                        + "AND city LIKE '" + EditionFixtures.CITY_PREFIX + "%' AND created_at < ?",
                "Made {} editions that earlier test runs opened drafts again");
    }

    /**
     * Mails an earlier run queued and ended before sending (its JVM stopped; ~400 seen) are for tests that are over.
     * Left queued, this run's first sender delivered them all at ~50 ms a mail while a test that called
     * {@code MailOutbox.sendDue()} waited. They are removed when this JVM's first context starts.
     */
    @Bean
    ApplicationRunner dropMailsQueuedByEarlierRuns(JdbcTemplate jdbc) {
        // one by one: the other test JVM's sender may be sending these very mails (OutboxTestSupport.forgetQueued)
        return leftByEarlierRuns(at -> org.ngoplatform.mail.OutboxTestSupport.forgetQueued(jdbc,
                        "SELECT id FROM mail_outbox WHERE delivery = 'QUEUED' AND created_at < ?", at),
                "Removed {} mails that earlier test runs queued and never sent");
    }

    /**
     * A clean-up of what earlier runs left, run when a context starts: {@code sql} with this JVM's start (UTC, as the
     * rows' {@code created_at}) as its one parameter, so nothing this run made is touched; how many rows it changed
     * is logged with {@code message}.
     */
    private static ApplicationRunner leftByEarlierRuns(JdbcTemplate jdbc, String sql, String message) {
        return leftByEarlierRuns(at -> jdbc.update(sql, at), message);
    }

    /** The same with the clean-up as code: it is given this JVM's start and returns how many rows it changed. */
    private static ApplicationRunner leftByEarlierRuns(java.util.function.ToIntFunction<LocalDateTime> cleanUp, String message) {
        LocalDateTime jvmStartUtc = LocalDateTime.ofInstant(
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), ZoneOffset.UTC);
        return args -> {
            int changed = cleanUp.applyAsInt(jvmStartUtc);
            if (changed > 0) {
                log.info(message, changed);
            }
        };
    }

    /**
     * Fixture accounts ({@link AccountFixtures}) all get the one {@link AccountFixtures#PASSWORD}; hashing it anew
     * for each (BCrypt, ~70 ms of CPU) cost the suite more than a minute. Its hash is computed once per context and
     * reused; every other password is hashed as the app does, and signing in still checks the hash for real.
     */
    @Bean
    static BeanPostProcessor fixturePasswordHashedOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof PasswordEncoder encoder ? new FixturePasswordHashedOnce(encoder) : bean;
            }
        };
    }

    private static final class FixturePasswordHashedOnce implements PasswordEncoder {
        private final PasswordEncoder encoder;
        private volatile String fixtureHash;

        FixturePasswordHashedOnce(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence raw) {
            if (!AccountFixtures.PASSWORD.contentEquals(raw)) {
                return encoder.encode(raw);
            }
            String hash = fixtureHash;
            if (hash == null) {
                fixtureHash = hash = encoder.encode(raw);
            }
            return hash;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoder.upgradeEncoding(encoded);
        }
    }

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
