package io.kam.sellthrough.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.sellthrough.access.SellThroughAccess;
import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.SellThroughViews.BatchView;
import io.kam.sellthrough.api.SellThroughViews.Page;
import io.kam.sellthrough.ingest.BatchRequest;
import io.kam.sellthrough.ingest.BatchRow;
import io.kam.sellthrough.ingest.Batches;
import io.kam.sellthrough.ingest.BodyFormat;
import io.kam.sellthrough.ingest.Completion;
import io.kam.sellthrough.ingest.IngestBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Pushing a batch of rows, following its progress, listing batches. */
@RestController
@RequestMapping("/api/sell-through/batches")
class BatchesController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IngestBatch ingest;
    private final Batches batches;
    private final BatchViews views;
    private final SellThroughAccess access;
    private final PushTarget target;

    BatchesController(IngestBatch ingest, Batches batches, BatchViews views, SellThroughAccess access, PushTarget target) {
        this.ingest = ingest;
        this.batches = batches;
        this.views = views;
        this.access = access;
        this.target = target;
    }

    @Operation(summary = "Push a batch of sell-through rows", description = """
            Streams the body (CSV with a header line, or NDJSON; gzip with Content-Encoding: gzip; UTF-8 with or without
            BOM, or GBK or GB18030 declared as charset=) and answers when the batch is committed: 201 with the batch.
            A batchId is the client's within the account. Sending the same batchId with the same body again returns the
            first result (200, Idempotent-Replayed: true) and counts nothing twice; with another body it is a 409
            batch-id-reused. mode=lenient (default) commits the valid rows and reports the others; mode=strict commits all or
            nothing (422 batch-rejected). Follow progress meanwhile at GET /api/sell-through/batches/{batchId}.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")}))
    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> push(@RequestParam String batchId, @RequestParam(required = false) UUID account,
                           @RequestParam(required = false) String retailer,
                           @RequestParam(defaultValue = "lenient") String mode, HttpServletRequest http) throws IOException {
        Actor actor = access.pusher();
        if (!batchId.matches(BatchRequest.ID_PATTERN)) {
            throw new ApiProblem.Invalid("batchId", "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        IngestMode ingestMode = mode(mode);
        UUID accountId = target.of(actor, account, retailer);
        BodyFormat body = BodyFormat.of(http.getContentType(), http.getHeader("Content-Encoding"));
        long length = http.getContentLengthLong();
        BatchRequest request = new BatchRequest(batchId, accountId, BatchSource.PUSH, null, ingestMode, body.format(),
                body.charset(), body.gzip(), length < 0 ? null : length, actor.name());
        IngestBatch.Outcome outcome = ingest.ingest(request, http.getInputStream(), Completion.NONE);
        BatchRow batch = outcome.batch();
        if (outcome.replayed()) {
            http.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (batch.status() == BatchStatus.REJECTED) {
                return withReplayed(BatchProblems.rejected(batch));
            }
            return ResponseEntity.ok().header(REPLAYED, "true").body(views.view(batch, actor));
        }
        if (outcome.failure() != null) {
            return BatchProblems.failed(batch, outcome.failure());
        }
        if (batch.status() == BatchStatus.REJECTED) {
            return BatchProblems.rejected(batch);
        }
        return ResponseEntity.created(URI.create(BatchViews.location(batch))).body(views.view(batch, actor));
    }

    private static ResponseEntity<ProblemDetail> withReplayed(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header(REPLAYED, "true")
                .body(response.getBody());
    }

    private static IngestMode mode(String mode) {
        try {
            return IngestMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem.Invalid("mode", "must be lenient or strict");
        }
    }

    @Operation(summary = "A batch: status, progress, rate, ETA", description = """
            A batch id is the client's within its account: name the account (account=) when several accounts the caller
            may see used the same id; otherwise it is a 400 naming the account parameter.""")
    @GetMapping("/{batchId}")
    BatchView read(@PathVariable String batchId, @RequestParam(required = false) UUID account) {
        Actor actor = access.reader();
        return views.view(visible(batchId, account, actor), actor);
    }

    @GetMapping
    Page<BatchView> list(@RequestParam(required = false) UUID account, @RequestParam(required = false) BatchStatus status,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Actor actor = access.reader();
        UUID only = access.onlyAccount(actor).orElse(null);
        if (only != null && account != null && !only.equals(account)) {
            throw new ApiProblem.Forbidden("not-your-retailer", "this client is bound to the retailer account " + only);
        }
        if (account != null) {
            access.requireVisible(actor, account);
        }
        UUID scope = only != null ? only : account;
        String region = access.region(actor).orElse(null);
        var items = batches.list(scope, region, status, size, (long) page * size).stream().map(b -> views.view(b, actor)).toList();
        return new Page<>(items, page, size, batches.count(scope, region, status));
    }

    /**
     * The batch with this id among those of accounts the actor may see (of the one account named, if any); one the
     * actor may not see does not exist for them.
     */
    BatchRow visible(String batchId, @org.jspecify.annotations.Nullable UUID account, Actor actor) {
        var seen = batches.withId(batchId).stream().filter(b -> account == null || b.accountId().equals(account))
                .filter(b -> access.visible(actor, b.accountId())).toList();
        if (seen.isEmpty()) {
            throw new ApiProblem.NotFound("Batch", batchId);
        }
        if (seen.size() > 1) {
            throw new ApiProblem.Invalid("account", "batch id " + batchId + " is used by " + seen.size()
                    + " accounts: name the account (account=<id>)");
        }
        return seen.getFirst();
    }

    @ExceptionHandler(BodyFormat.UnsupportedBody.class)
    ResponseEntity<ProblemDetail> unsupported(BodyFormat.UnsupportedBody e) {
        return BatchProblems.unsupported(e.getMessage());
    }
}
