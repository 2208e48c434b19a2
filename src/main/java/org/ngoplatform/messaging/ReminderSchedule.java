package org.ngoplatform.messaging;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the daily automatic mails on one instance only ({@code base.ScheduledJobLocks}); the claim rows of
 * {@link Reminders} keep each person's mail single even if two runs overlapped. Direct calls are not locked.
 */
@Component
class ReminderSchedule {

    private final Reminders reminders;

    ReminderSchedule(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(cron = "${ngo.messaging.reminder-cron:0 23 7 * * *}")
    @SchedulerLock(name = "messaging.reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void run() {
        reminders.runDue();
    }
}
