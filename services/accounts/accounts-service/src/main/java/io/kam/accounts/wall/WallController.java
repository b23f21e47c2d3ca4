package io.kam.accounts.wall;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.RelationshipViews.WallCellView;
import io.kam.accounts.api.RelationshipViews.WallView;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.events.Actor;
import io.kam.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** An account's relationship wall (围墙准则): our ties with each department (采购, 市场部, ...) at each level. */
@RestController
@RequestMapping("/api/accounts/{accountId}/wall")
class WallController {

    private final AssessWallCell assessWallCell;
    private final WallCellRepository cells;
    private final AccountAccess access;
    private final WeakWall weakWall;

    WallController(AssessWallCell assessWallCell, WallCellRepository cells, AccountAccess access, WeakWall weakWall) {
        this.assessWallCell = assessWallCell;
        this.cells = cells;
        this.access = access;
        this.weakWall = weakWall;
    }

    @Operation(summary = "The whole wall: every department at every level, in that order",
            description = "A cell never assessed has null strength and version; assess it with If-Match: *. "
                    + "weakWall lists, for each department the approved plan depends on (the current year's, else the "
                    + "latest year's), weak ties (best strength 1 or lower) and silence (no contact within "
                    + "kam.accounts.wall.max-days-without-contact days, 90 by default).")
    @GetMapping
    @org.springframework.transaction.annotation.Transactional(readOnly = true,
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    WallView read(@PathVariable UUID accountId) {
        access.visible(accountId, access.managerOrCoordinator());
        Map<String, WallCell> assessed = cells.findByAccountId(accountId).stream()
                .collect(Collectors.toMap(c -> key(c.department(), c.level()), Function.identity()));
        List<WallCellView> all = Arrays.stream(Department.values())
                .flatMap(d -> Arrays.stream(WallLevel.values()).map(l -> {
                    WallCell cell = assessed.get(key(d, l));
                    return cell == null ? unassessed(d, l) : view(cell);
                }))
                .toList();
        return new WallView(accountId, all, weakWall.of(accountId));
    }

    @Operation(summary = "One cell of the wall, with its version in the ETag when it was assessed")
    @GetMapping("/{department}/{level}")
    ResponseEntity<WallCellView> readCell(@PathVariable UUID accountId, @PathVariable Department department,
                                          @PathVariable WallLevel level) {
        access.visible(accountId, access.managerOrCoordinator());
        return cells.findByAccountIdAndDepartmentAndLevel(accountId, department, level)
                .map(cell -> ResponseEntity.ok().eTag(Versions.etag(cell.version())).body(view(cell)))
                .orElseGet(() -> ResponseEntity.ok(unassessed(department, level)));
    }

    @Operation(summary = "Assess one cell: strength 0-5, last contact and a note (If-Match)",
            description = "If-Match: * assesses a cell never assessed (or whatever its version). A last contact "
                    + "cannot lie ahead of today in Asia/Shanghai. National KA managers only.")
    @PutMapping("/{department}/{level}")
    ResponseEntity<WallCellView> assess(@PathVariable UUID accountId, @PathVariable Department department,
                                        @PathVariable WallLevel level,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody WallCellDetails details) {
        Actor actor = access.managerOf(accountId);
        WallCell cell = assessWallCell.assess(accountId, department, level, Versions.fromIfMatch(ifMatch), details,
                actor);
        return ResponseEntity.ok().eTag(Versions.etag(cell.version())).body(view(cell));
    }

    private static String key(Department department, WallLevel level) {
        return department + "/" + level;
    }

    private static WallCellView unassessed(Department department, WallLevel level) {
        return new WallCellView(department, level, null, null, null, null, null, null);
    }

    private static WallCellView view(WallCell c) {
        return new WallCellView(c.department(), c.level(), c.strength(), c.lastContact(), c.note(), c.changedBy(),
                c.changedAt(), c.version());
    }
}
