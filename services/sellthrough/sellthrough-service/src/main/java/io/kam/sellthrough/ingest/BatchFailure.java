package io.kam.sellthrough.ingest;

/**
 * Why a batch failed as a whole, and what that means for the request that sent it: the body could not be used
 * ({@code 422}), was cut off ({@code 400}), the account was busy ({@code 409}), or the service could not store it
 * ({@code 503}). A failed batch id may be sent again.
 */
public record BatchFailure(String code, String detail, int status) {

    static final String ACCOUNT_BUSY = "account-busy";
    static final String UPLOAD_INTERRUPTED = "upload-interrupted";
    static final String STORAGE_FAILED = "storage-failed";

    static BatchFailure unusable(String code, String detail) {
        return new BatchFailure(code, detail, 422);
    }
}
