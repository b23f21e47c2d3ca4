package io.kam.sellthrough.batch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.kam.platform.web.Problems;
import io.kam.sellthrough.ingest.BatchFailure;
import io.kam.sellthrough.ingest.BatchRow;

/**
 * The problem details of batches that did not complete, in the platform's shape (type, title, status, detail, code)
 * with the batch id, and for a rejected batch its counts and where its report is.
 */
final class BatchProblems {

    private BatchProblems() {
    }

    static ResponseEntity<ProblemDetail> failed(BatchRow batch, BatchFailure failure) {
        HttpStatus status = switch (failure.kind()) {
            case UNUSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case INTERRUPTED -> HttpStatus.BAD_REQUEST;
            case ACCOUNT_BUSY, TAKEN_OVER -> HttpStatus.CONFLICT;
            case NOT_STORED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail body = problem(status, failure.code(), failure.detail(), batch.id());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.CONFLICT || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "30");
        }
        return response.body(body);
    }

    static ResponseEntity<ProblemDetail> rejected(BatchRow batch) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "batch-rejected", batch.rejected() + " of "
                + batch.rowsRead() + " rows were rejected; a strict batch commits all its rows or none, so none was kept. "
                + "The report lists every rejected row.", batch.id());
        body.setProperty("rowsRead", batch.rowsRead());
        body.setProperty("rejected", batch.rejected());
        body.setProperty("report", BatchViews.report(batch));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static ResponseEntity<ProblemDetail> unsupported(String detail) {
        ProblemDetail body = Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "unsupported-media-type", detail);
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ACCEPT, "text/csv, application/x-ndjson").body(body);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail, String batchId) {
        ProblemDetail body = Problems.problem(status, switch (status) {
            case CONFLICT -> "Conflict";
            case BAD_REQUEST -> "Invalid request";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
            case CONTENT_TOO_LARGE -> "Content too large";
            default -> "Batch not ingested";
        }, code, detail);
        body.setProperty("batchId", batchId);
        return body;
    }
}
