package org.ngoplatform.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.export.ExportEvent;
import org.ngoplatform.export.ExportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Export publishes, audit records: at once, by the publisher, inside the publisher's transaction. */
@IntegrationTest
class ExportAuditingTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired AuditLog auditLog;
    @Autowired AccountFixtures fixtures;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_export_event_is_recorded_at_once_with_its_publisher_as_actor() {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        String subject = "test-export:" + UUID.randomUUID();

        events.publishEvent(new ExportEvent(ExportService.STARTED, subject, "what=Test list; rows=0"));

        assertThat(auditLog.forSubject(subject)).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(ExportService.STARTED);
            assertThat(e.getDetails()).isEqualTo("what=Test list; rows=0");
            assertThat(e.getActor()).isEqualTo(organiser.auditName());
        });
    }

    @Test
    void an_export_event_published_in_a_transaction_that_rolls_back_leaves_no_row() {
        fixtures.signIn(Role.ORGANISER);
        String subject = "test-export:" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new ExportEvent(ExportService.STARTED, subject, "what=Test list"));
            assertThat(auditLog.forSubject(subject)).as("recorded inside the transaction, not after it").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(auditLog.forSubject(subject)).isEmpty();
    }
}
