package io.kam.sellthrough.rows;

/**
 * The batch as a whole cannot be read: an empty body, a header without the required columns, an unreadable stream.
 * Nothing of the batch is kept; the same batch id may be sent again once the problem is fixed.
 */
public class BatchProblem extends RuntimeException {

    private final String code;

    public BatchProblem(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public BatchProblem(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    /** A stable, machine-readable reason, for example {@code empty-body}. */
    public String code() {
        return code;
    }
}
