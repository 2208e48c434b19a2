package org.ngoplatform.privacy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the daily retention job on one instance only ({@code base.ScheduledJobLocks}): a second instance firing the
 * same cron finds the lock held (for at least five minutes) and skips, so nobody is warned twice. Direct calls of
 * {@link RetentionService#runDue()} are not locked.
 */
@Component
class RetentionSchedule {

    private final RetentionService retention;

    RetentionSchedule(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${ngo.privacy.retention-cron:0 17 2 * * *}")
    @SchedulerLock(name = "privacy.retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void run() {
        retention.runDue();
    }
}
