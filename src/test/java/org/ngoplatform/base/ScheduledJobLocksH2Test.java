package org.ngoplatform.base;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job locks work on the embedded default database too (H2 in MariaDB mode, as {@code mvn spring-boot:run} uses
 * it): ShedLock's database-time statements for H2 against the table of V3.
 */
class ScheduledJobLocksH2Test {

    @Test
    void a_job_lock_on_the_embedded_database_is_taken_once_and_free_again_after_unlock() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:locks-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V3__base_job_lock.sql")));
        var locks = new ScheduledJobLocks().lockProvider(h2);
        LockConfiguration job = new LockConfiguration(Instant.now(), "mail.sendDue", Duration.ofMinutes(1), Duration.ZERO);

        Optional<SimpleLock> first = locks.lock(job);
        assertThat(first).isPresent();
        assertThat(locks.lock(job)).as("held: another instance skips").isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(job);
        assertThat(again).as("free again after the run").isPresent();
        again.get().unlock();
    }
}
