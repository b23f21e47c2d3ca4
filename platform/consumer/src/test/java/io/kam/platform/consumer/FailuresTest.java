package io.kam.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The SQLSTATE decides, however deep it is wrapped; the class decides only where there is none. The cases are the
 * states PostgreSQL sends for a restart, a statement timeout and the constraint errors.
 */
class FailuresTest {

    @Test
    void aServerShuttingDownOrUnreachableIsWaitedFor() {
        assertThat(Failures.of(wrapped("57P01"))).isEqualTo(Failures.UNAVAILABLE);
        assertThat(Failures.of(wrapped("57P03"))).isEqualTo(Failures.UNAVAILABLE);
        assertThat(Failures.of(wrapped("08006"))).isEqualTo(Failures.UNAVAILABLE);
        assertThat(Failures.of(wrapped("53300"))).isEqualTo(Failures.UNAVAILABLE);
        assertThat(Failures.of(new TransactionSystemException("JDBC rollback failed", new SQLException("closed", "08003"))))
                .isEqualTo(Failures.UNAVAILABLE);
    }

    @Test
    void aStatementTimeoutIsRetriedForTheWindowOnlyAlthoughSpringCallsItTransient() {
        assertThat(Failures.of(new QueryTimeoutException("timeout", new SQLException("canceling statement", "57014"))))
                .isEqualTo(Failures.RETRYABLE);
    }

    @Test
    void errorsOfTheEventItselfAreNotRetried() {
        assertThat(Failures.of(wrapped("23502"))).isEqualTo(Failures.PERMANENT);
        assertThat(Failures.of(wrapped("22P02"))).isEqualTo(Failures.PERMANENT);
        assertThat(Failures.of(wrapped("42703"))).isEqualTo(Failures.PERMANENT);
        SQLException batch = new BatchUpdateException("batch failed", (String) null, new int[0]);
        batch.setNextException(new SQLException("check violated", "23514"));
        assertThat(Failures.of(new RuntimeException(batch))).isEqualTo(Failures.PERMANENT);
    }

    @Test
    void racesAndContentionAreRetriedForTheWindow() {
        assertThat(Failures.of(wrapped("23505"))).isEqualTo(Failures.RETRYABLE);
        assertThat(Failures.of(wrapped("40001"))).isEqualTo(Failures.RETRYABLE);
        assertThat(Failures.of(wrapped("40P01"))).isEqualTo(Failures.RETRYABLE);
        assertThat(Failures.of(new IllegalStateException("a handler's own failure"))).isEqualTo(Failures.RETRYABLE);
    }

    @Test
    void withoutASqlStateAPoolThatCannotConnectIsWaitedFor() {
        assertThat(Failures.of(new org.springframework.transaction.CannotCreateTransactionException("no connection",
                new java.sql.SQLTransientConnectionException("pool timed out")))).isEqualTo(Failures.UNAVAILABLE);
    }

    private static RuntimeException wrapped(String state) {
        return new io.micronaut.data.exceptions.DataAccessException("Error executing SQL UPDATE",
                new SQLException("server said so", state));
    }
}
