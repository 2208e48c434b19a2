package org.ngoplatform.base;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Every scheduled job runs once per due time however many instances share the database: a job's
 * {@code @SchedulerLock} (ShedLock) takes its row in {@code base_job_lock} (V3) before it runs, and an instance
 * that finds the row held skips that turn. Times are the database's ({@code usingDbTime}), so instances whose clocks
 * differ agree. A job also holds its lock {@code lockAtLeastFor} after it ends, longer than instances' clocks and
 * schedulers drift apart, so a second instance firing the same cron a little later does not run it again.
 * <p>
 * The lock sits outside the job's transaction ({@code order}): ShedLock writes its row in a transaction of its own,
 * visible to the other instances at once. A job that a test or a service also calls directly keeps its lock on a
 * separate scheduled method (e.g. {@code mail.MailOutbox.sendDueOnSchedule()}, {@code privacy.RetentionSchedule}), so
 * only the scheduler's runs are locked. The one scheduled job without a lock is export's cleanup: each instance
 * deletes its own expired files and forgets its own jobs. {@code base.ScheduledJobLocksTest} checks the list.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = Ordered.HIGHEST_PRECEDENCE)
class ScheduledJobLocks {

    static final String TABLE = "base_job_lock";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .usingDbTime()
                .build());
    }
}
