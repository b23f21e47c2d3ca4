package io.kam.visits.commitment;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.CommitmentStatus;
import io.kam.visits.api.Page;
import io.kam.visits.api.SettingRequests;
import io.kam.visits.api.SettingViews.CommitmentPolicyView;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.api.VisitViews.CommitmentView;
import io.kam.visits.replica.AccountReplicas;
import io.kam.visits.replica.StoreReplicas;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Commitments made at visits, the decisions on flagged ones, and each account's commitment policy. */
@RestController
@RequestMapping("/api/visits")
class CommitmentsController {

    private final CommitmentBook book;
    private final CommitmentRepository commitments;
    private final CommitmentPolicies policies;
    private final AccountReplicas accounts;
    private final StoreReplicas stores;
    private final VisitAccess access;

    CommitmentsController(CommitmentBook book, CommitmentRepository commitments, CommitmentPolicies policies,
                          AccountReplicas accounts, StoreReplicas stores, VisitAccess access) {
        this.book = book;
        this.commitments = commitments;
        this.policies = policies;
        this.accounts = accounts;
        this.stores = stores;
        this.access = access;
    }

    @Operation(summary = "Commitments made at visits, oldest first",
            description = "status=FLAGGED lists those awaiting a national KA manager. Coordinators see their region's.")
    @GetMapping("/commitments")
    @Transactional(readOnly = true)
    Page<CommitmentView> list(@RequestParam(required = false) CommitmentStatus status,
                              @RequestParam(required = false) Region region,
                              @RequestParam(required = false) UUID accountId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var actor = access.staff();
        String r = access.listingRegion(actor, region).map(Region::name).orElse(null);
        String s = status == null ? null : status.name();
        var items = commitments.search(s, r, accountId, size, (long) page * size).stream().map(Commitment::view).toList();
        return Page.of(items, page, size, commitments.countSearch(s, r, accountId));
    }

    @Operation(summary = "One commitment, with its version in the ETag")
    @GetMapping("/commitments/{id}")
    ResponseEntity<CommitmentView> read(@PathVariable UUID id) {
        var actor = access.staff();
        Commitment commitment = commitments.findById(id).orElseThrow(() -> new ApiProblem.NotFound("Commitment", id));
        access.requireVisible(actor, commitment.region(), "Commitment", id);
        return withVersion(commitment);
    }

    @Operation(summary = "Approve a flagged commitment (If-Match): it becomes a promise",
            description = "National KA managers only, and not the one who made it.")
    @PostMapping("/commitments/{id}/approval")
    ResponseEntity<CommitmentView> approve(@PathVariable UUID id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody VisitRequests.ApproveCommitment request) {
        var actor = access.manager();
        return withVersion(book.approve(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Reject a flagged commitment (If-Match): it is no promise",
            description = "National KA managers only, and not the one who made it; the reason is required.")
    @PostMapping("/commitments/{id}/rejection")
    ResponseEntity<CommitmentView> reject(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody VisitRequests.RejectCommitment request) {
        var actor = access.manager();
        return withVersion(book.reject(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "The commitment types a coordinator may promise the account",
            description = "Without a policy nothing is allowed (no ETag then; set the first with If-Match: *).")
    @GetMapping("/accounts/{accountId}/commitment-policy")
    ResponseEntity<CommitmentPolicyView> policy(@PathVariable UUID accountId) {
        var actor = access.staff();
        if (!accounts.existsById(accountId)) {
            throw new ApiProblem.NotFound("Account", accountId);
        }
        // A coordinator reads the policy of an account with a store in their region only, as its limits.
        access.confinement(actor).ifPresent(region -> {
            if (!stores.hasStoreIn(accountId, region.name())) {
                throw new ApiProblem.NotFound("Account", accountId);
            }
        });
        var policy = policies.findById(accountId);
        var view = new CommitmentPolicyView(accountId, policy.map(CommitmentPolicy::types).orElse(List.of()),
                policy.map(CommitmentPolicy::version).orElse(null));
        return policy.isPresent() ? ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "Replace the account's commitment policy (If-Match; * for the first one)",
            description = "National KA managers only. Commitments already made keep their status.")
    @PutMapping("/accounts/{accountId}/commitment-policy")
    ResponseEntity<CommitmentPolicyView> setPolicy(@PathVariable UUID accountId,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody SettingRequests.SetCommitmentPolicy request) {
        var actor = access.manager();
        var saved = book.setPolicy(accountId, Versions.fromIfMatch(ifMatch), request.allowed(), actor);
        return ResponseEntity.ok().eTag(Versions.etag(saved.version()))
                .body(new CommitmentPolicyView(accountId, saved.types(), saved.version()));
    }

    private static ResponseEntity<CommitmentView> withVersion(Commitment commitment) {
        return ResponseEntity.ok().eTag(Versions.etag(commitment.version())).body(commitment.view());
    }
}
