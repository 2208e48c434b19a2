package org.ngoplatform.survey.respond;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly purge of expired drafts on one instance only ({@code base.ScheduledJobLocks}); direct calls of
 * {@link SurveyRespondentService#purgeExpiredDrafts()} are not locked.
 */
@Component
class DraftPurgeSchedule {

    private final SurveyRespondentService respondents;

    DraftPurgeSchedule(SurveyRespondentService respondents) {
        this.respondents = respondents;
    }

    @Scheduled(cron = "${ngo.survey.draft-purge-cron:0 23 3 * * *}")
    @SchedulerLock(name = "survey.draftPurge", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void run() {
        respondents.purgeExpiredDrafts();
    }
}
