package io.kam.sellthrough.ingest;

/**
 * Why a batch failed as a whole, and what its sender can do about it ({@link Kind}). A failed batch id may be sent
 * again. How the failure reaches the sender (an HTTP status, a connector's last error) is for the caller to say.
 */
public record BatchFailure(String code, String detail, Kind kind) {

    static final String ACCOUNT_BUSY = "account-busy";
    static final String UPLOAD_INTERRUPTED = "upload-interrupted";
    static final String STORAGE_FAILED = "storage-failed";
    static final String BODY_TOO_LARGE = "body-too-large";
    static final String TOO_MANY_ROWS = "too-many-rows";
    static final String TAKEN_OVER = "batch-taken-over";
    static final String UPLOAD_TOO_SLOW = "upload-too-slow";

    /** What the failure asks of the sender. */
    public enum Kind {
        /** The body cannot be used as it is (unreadable, wrong columns, a strict rule broken): fix it first. */
        UNUSABLE,
        /** The body is larger than one batch may be (after decompression): split it. */
        TOO_LARGE,
        /** The body was cut off before its end: send it again. */
        INTERRUPTED,
        /** Another batch of the account holds it right now: send again when that one is done. */
        ACCOUNT_BUSY,
        /** Another run of the same batch id owns it now (this one had stopped reporting): follow that one. */
        TAKEN_OVER,
        /** The service could not store it: send it again later. */
        NOT_STORED
    }

    static BatchFailure unusable(String code, String detail) {
        return new BatchFailure(code, detail, Kind.UNUSABLE);
    }
}
