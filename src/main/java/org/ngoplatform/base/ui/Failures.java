package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

/**
 * Tells a database that cannot be reached from a bug, so people get the right message, and a request the client
 * crafted from a bug, so the log says which it was.
 */
public final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * Whether the error comes from the database being out of reach. This includes a connection lost in the
     * middle of a transaction: the rollback then fails on the dead connection (Hibernate's "Unable to rollback
     * against JDBC Connection" over the pool's plain "Connection is closed") and that exception replaces the
     * original one. Beginning, committing or rolling back only fails like that when the connection is gone.
     */
    public static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException
                    || t instanceof TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Vaadin refused the client's request itself, before any of the app's code ran: an invocation the
     * browser never sends, such as an event aimed at a text node (which has no listeners). Told by where the root
     * failure was thrown: inside Vaadin's RPC handling, with no frame of the app above it.
     */
    public static boolean isRefusedClientRequest(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        for (StackTraceElement frame : root.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(APP)) {
                return false;
            }
            if (type.startsWith(VAADIN_RPC)) {
                return true;
            }
        }
        return false;
    }

    private static final String APP = "org.ngoplatform.";
    private static final String VAADIN_RPC = "com.vaadin.flow.server.communication.";

    /**
     * What to tell a person whose action failed with this error, in their language: the database being out of
     * reach, a missing permission, or anything else with a reference the log repeats next to the details.
     */
    public static String explain(UI ui, Throwable error) {
        if (isDatabaseUnavailable(error)) {
            log.warn("Database unavailable: {}", error.toString());
            return ui.getTranslation("error.unavailable.text");
        }
        if (error instanceof AccessDeniedException || error.getCause() instanceof AccessDeniedException) {
            log.warn("Access denied: {}", error.toString());
            return ui.getTranslation("error.denied.text");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {}", reference, error);
        return ui.getTranslation("error.internal.text", reference);
    }
}
