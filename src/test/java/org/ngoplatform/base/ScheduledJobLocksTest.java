package org.ngoplatform.base;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scheduled job of the application takes its lock first, so it runs once per due time over all instances. */
@IntegrationTest
class ScheduledJobLocksTest {

    @Autowired ApplicationContext context;

    @Test
    void every_scheduled_job_takes_a_lock_except_the_per_instance_export_cleanup() {
        List<String> unlocked = new ArrayList<>();
        TreeSet<String> lockNames = new TreeSet<>();
        int scheduled = 0;
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("org.ngoplatform.")) {
                continue;
            }
            Class<?> target = AopUtils.getTargetClass(context.getBean(name));
            for (Method method : target.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    scheduled++;
                    SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                    if (lock == null) {
                        unlocked.add(target.getSimpleName() + "." + method.getName());
                    } else {
                        assertThat(lockNames.add(lock.name())).as("lock name used once: " + lock.name()).isTrue();
                    }
                }
            }
        }
        assertThat(scheduled).isGreaterThanOrEqualTo(5);
        assertThat(unlocked).containsExactly("ExportService.cleanupExpired");
        assertThat(lockNames).contains("mail.sendDue", "mail.purgeDelivered", "privacy.retention", "survey.draftPurge");
    }
}
