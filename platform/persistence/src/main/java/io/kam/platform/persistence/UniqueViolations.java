package io.kam.platform.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recognises PostgreSQL unique-constraint violations (SQLSTATE 23505) in whatever exception a repository or
 * JDBC call wrapped them in, so that a race that slipped past a service's own check still becomes a clear
 * conflict instead of a 500.
 */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /**
     * The name of the violated constraint or index, if the exception is a unique violation. A batch insert's
     * {@link java.sql.BatchUpdateException} names no constraint itself: the server's error is its next exception.
     */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (each instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                            && psql.getServerErrorMessage().getConstraint() != null) {
                        return Optional.of(psql.getServerErrorMessage().getConstraint());
                    }
                }
                return Optional.of("");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the write; if it violates the named constraint, throws what {@code onViolation} makes instead.
     */
    public static <T> T guard(String constraintName, Supplier<T> write, Supplier<? extends RuntimeException> onViolation) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (constraint(e).filter(constraintName::equals).isPresent()) {
                throw onViolation.get();
            }
            throw e;
        }
    }
}
