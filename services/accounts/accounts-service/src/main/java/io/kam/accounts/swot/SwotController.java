package io.kam.accounts.swot;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.RelationshipViews.SwotPointView;
import io.kam.accounts.api.RelationshipViews.SwotView;
import io.kam.platform.events.Actor;
import io.kam.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** An account's SWOT analysis (S.W.O.T 分析) and the action key points (行动关键点) drawn from it. */
@RestController
@RequestMapping("/api/accounts/{accountId}/swot")
class SwotController {

    private final SwotBoard board;
    private final SwotQueries queries;
    private final AccountAccess access;

    SwotController(SwotBoard board, SwotQueries queries, AccountAccess access) {
        this.board = board;
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "The account's SWOT: strengths, weaknesses, opportunities, threats and key points",
            description = "Each list in the order the points were added; a key point lists the points it draws on.")
    @GetMapping
    SwotView read(@PathVariable UUID accountId) {
        access.visible(accountId, access.managerOrCoordinator());
        return queries.view(accountId);
    }

    @Operation(summary = "Add a SWOT point or an action key point",
            description = "Only a KEY_POINT has basedOn: existing strengths, weaknesses, opportunities or threats "
                    + "of the same account. National KA managers only.")
    @PostMapping("/points")
    ResponseEntity<SwotPointView> add(@PathVariable UUID accountId, @Valid @RequestBody SwotPointDetails details) {
        var added = board.add(accountId, details, access.managerOf(accountId));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/swot/points/" + added.point().id()))
                .eTag(Versions.etag(added.point().version())).body(view(added));
    }

    @Operation(summary = "One SWOT point, with its version in the ETag")
    @GetMapping("/points/{pointId}")
    ResponseEntity<SwotPointView> readPoint(@PathVariable UUID accountId, @PathVariable UUID pointId) {
        access.visible(accountId, access.managerOrCoordinator());
        var point = queries.point(accountId, pointId);
        return ResponseEntity.ok().eTag(Versions.etag(point.point().version())).body(view(point));
    }

    @Operation(summary = "Replace a SWOT point (If-Match)",
            description = "A point that key points draw on cannot become a key point (409).")
    @PutMapping("/points/{pointId}")
    ResponseEntity<SwotPointView> change(@PathVariable UUID accountId, @PathVariable UUID pointId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody SwotPointDetails details) {
        Actor actor = access.managerOf(accountId);
        var changed = board.change(accountId, pointId, Versions.fromIfMatch(ifMatch), details, actor);
        return ResponseEntity.ok().eTag(Versions.etag(changed.point().version())).body(view(changed));
    }

    @Operation(summary = "Remove a SWOT point (If-Match)",
            description = "A point that key points draw on cannot be removed (409); a key point takes its basis along.")
    @DeleteMapping("/points/{pointId}")
    ResponseEntity<Void> remove(@PathVariable UUID accountId, @PathVariable UUID pointId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = access.managerOf(accountId);
        board.remove(accountId, pointId, Versions.fromIfMatch(ifMatch), actor);
        return ResponseEntity.noContent().build();
    }

    private static SwotPointView view(SwotBoard.Recorded recorded) {
        return SwotQueries.view(recorded.point(), recorded.basedOn());
    }
}
