package io.kam.platform.consumer;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts a handler's failure by what retrying it can achieve. PostgreSQL says why a statement failed in its
 * SQLSTATE, whatever the layers above wrapped it in (Spring's translation, Micronaut Data's
 * {@code DataAccessException}, a failed rollback), so the first SQLSTATE in the cause chain decides; the exception's
 * class decides only where no SQLSTATE was given (a pool that timed out, a transaction that could not begin).
 */
enum Failures {

    /**
     * The database is away for now (restarting, refusing connections, out of connections or disk): retried without
     * limit, because dead-lettering the event would leave the read model silently wrong.
     */
    UNAVAILABLE,

    /**
     * The event cannot be applied as it is, however often it is tried (a constraint or data error, a statement that
     * no longer fits the schema): dead-lettered at once, so that it holds up its partition for no retry window.
     */
    PERMANENT,

    /**
     * Anything else (a serialization failure or deadlock, a lock or statement timeout, a handler's own exception):
     * retried with back-off for the retry window, then dead-lettered with the reason.
     */
    RETRYABLE;

    static Failures of(Throwable failure) {
        String state = sqlState(failure);
        if (state != null) {
            return ofSqlState(state);
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return UNAVAILABLE;
            }
        }
        return RETRYABLE;
    }

    /**
     * By SQLSTATE class (PostgreSQL's appendix A): 08 connection exception, 53 insufficient resources, 57P01 to 57P03
     * shutting down or not yet accepting connections, 58 system error: the server, not the event. 21 cardinality,
     * 22 data exception, 23502 not-null and 23514 check violations, 42 syntax error or access rule violation, 0A
     * feature not supported: the event or the code, not the moment. The rest (other integrity violations, which can be
     * races, 40 transaction rollback, 55 object not in prerequisite state, 57014 query cancelled by a statement
     * timeout, XX internal error) is worth a few tries but not forever.
     */
    static Failures ofSqlState(String state) {
        if (state.length() != 5) {
            return RETRYABLE;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            case "08", "53", "58" -> UNAVAILABLE;
            case "57" -> state.startsWith("57P0") && state.charAt(4) >= '1' && state.charAt(4) <= '3' ? UNAVAILABLE : RETRYABLE;
            case "21", "22", "42", "0A" -> PERMANENT;
            // A unique, foreign-key or exclusion violation can be a race another transaction is about to settle.
            case "23" -> state.equals("23502") || state.equals("23514") ? PERMANENT : RETRYABLE;
            default -> RETRYABLE;
        };
    }

    /** The first SQLSTATE in the chain; a batch's {@link java.sql.BatchUpdateException} carries the server's in its next exception. */
    static @Nullable String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (each.getSQLState() != null && !each.getSQLState().isBlank()) {
                        return each.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
