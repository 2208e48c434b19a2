package org.ngoplatform.base.ui;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures people are told "temporarily unavailable, nothing lost" about, and which are bugs. */
class FailuresTest {

    @Test
    void a_rollback_on_a_connection_lost_mid_transaction_is_the_database_being_unavailable() {
        // What a service call throws when its connection dies mid-transaction (seen in CrashMidTransactionTest):
        // the failed rollback replaces the original socket error.
        var rollbackFailed = new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
        assertThat(Failures.isDatabaseUnavailable(rollbackFailed)).isTrue();
    }

    @Test
    void bugs_are_not_mistaken_for_an_outage() {
        assertThat(Failures.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(Failures.isDatabaseUnavailable(new JpaSystemException(new TransactionException("Transaction not successfully started"))))
                .as("a misused transaction without a JDBC failure").isFalse();
        assertThat(Failures.isDatabaseUnavailable(new JpaSystemException(new RuntimeException(new SQLException("syntax error", "42000")))))
                .isFalse();
    }
}
