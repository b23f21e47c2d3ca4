package io.kam.prospects.prospect;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.ProspectRequests;
import io.kam.prospects.api.ProspectViews.CriteriaView;
import io.kam.prospects.api.ProspectViews.MatrixCell;
import io.kam.prospects.api.ProspectViews.RankedProspect;
import io.kam.prospects.api.ProspectViews.TargetMatrix;
import io.kam.prospects.api.TargetClass;
import io.kam.prospects.screening.CriteriaStore;
import io.kam.prospects.screening.ScreeningCriteria;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * Screening and targeting per territory (目标客户筛选准则): the criteria, the ranked list of next actions, and the
 * primary/secondary target matrix.
 */
@RestController
@RequestMapping("/api/prospects")
class TargetingController {

    private final Rescoring rescoring;
    private final CriteriaStore criteria;
    private final ProspectRepository prospects;
    private final ProspectAccess access;

    TargetingController(Rescoring rescoring, CriteriaStore criteria, ProspectRepository prospects,
                        ProspectAccess access) {
        this.rescoring = rescoring;
        this.criteria = criteria;
        this.prospects = prospects;
        this.access = access;
    }

    @Operation(summary = "Define a territory's screening criteria: weights summing to 100%, rating scales, qualifying score",
            description = "National KA managers. Starts a new version; every open prospect of the region is scored "
                    + "again and keeps its earlier scores in its history. 422 when the weights do not sum to 100.")
    @PutMapping("/criteria/{region}")
    ResponseEntity<CriteriaView> define(@PathVariable Region region,
                                        @Valid @RequestBody ProspectRequests.CriteriaInput request) {
        Rescoring.Defined defined = rescoring.define(region, request, access.manager());
        return ResponseEntity.status(HttpStatus.OK).header("Kam-Rescored", String.valueOf(defined.rescored()))
                .body(view(defined.criteria()));
    }

    @Operation(summary = "A territory's criteria in force", description = "Coordinators: their own region.")
    @GetMapping("/criteria/{region}")
    CriteriaView current(@PathVariable Region region) {
        access.requireRegion(access.worker(), region);
        return criteria.current(region).map(TargetingController::view)
                .orElseThrow(() -> new ApiProblem.NotFound("Screening criteria of", region));
    }

    @Operation(summary = "Every version of a territory's criteria, oldest first")
    @GetMapping("/criteria/{region}/history")
    List<CriteriaView> history(@PathVariable Region region) {
        access.requireRegion(access.worker(), region);
        return criteria.history(region).stream().map(TargetingController::view).toList();
    }

    @Operation(summary = "The region's open prospects in the order to work them",
            description = "Primary targets first, then secondary ones (loyal to a competitor), then those below the "
                    + "qualifying score and the unscored; within each, highest score first, then the nearest next action. "
                    + "region defaults to a coordinator's own and is required for a national KA manager.")
    @GetMapping("/ranked")
    @Transactional(readOnly = true)
    List<RankedProspect> ranked(@RequestParam(required = false) Region region) {
        Region shown = region(region);
        List<Prospect> ordered = prospects.ranked(shown.name());
        List<RankedProspect> ranked = new ArrayList<>();
        for (Prospect p : ordered) {
            ranked.add(new RankedProspect(ranked.size() + 1, p.id(), p.companyName(), p.region(), p.stage(), p.score(),
                    Boolean.TRUE.equals(p.qualifies()), p.targetClass() == null ? TargetClass.NOT_A_TARGET : p.targetClass(),
                    p.competitorLoyalty(), p.nextAction(), p.nextActionDue(), p.owner()));
        }
        return ranked;
    }

    @Operation(summary = "The primary/secondary target matrix of a region's open prospects",
            description = "Rows: meets the qualifying score or not. Columns: loyalty to the current competitor: HIGH, "
                    + "LOW, or NONE (no competitor). Qualifying and not loyal is a PRIMARY target, qualifying but loyal a "
                    + "SECONDARY one, below the score NOT_A_TARGET. Unscored prospects count as not qualifying.")
    @GetMapping("/matrix")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    TargetMatrix matrix(@RequestParam(required = false) Region region) {
        Region shown = region(region);
        List<Prospect> open = prospects.ranked(shown.name());
        List<MatrixCell> cells = new ArrayList<>();
        for (boolean qualifies : new boolean[] {true, false}) {
            for (String loyalty : List.of("HIGH", "LOW", "NONE")) {
                List<UUID> ids = open.stream()
                        .filter(p -> Boolean.TRUE.equals(p.qualifies()) == qualifies)
                        .filter(p -> loyalty.equals(p.competitorLoyalty() == null ? "NONE" : p.competitorLoyalty().name()))
                        .map(Prospect::id).toList();
                CompetitorLoyalty asLoyalty = loyalty.equals("NONE") ? null : CompetitorLoyalty.valueOf(loyalty);
                cells.add(new MatrixCell(qualifies, loyalty, TargetClass.of(qualifies, asLoyalty), ids.size(), ids));
            }
        }
        var inForce = criteria.current(shown);
        return new TargetMatrix(shown, inForce.map(ScreeningCriteria::version).orElse(null),
                inForce.map(ScreeningCriteria::qualifyingScore).orElse(null), cells);
    }

    private Region region(Region requested) {
        Actor actor = access.worker();
        return access.listingRegion(actor, requested).orElseThrow(() ->
                new ApiProblem.Invalid("region", "is required: the territory to rank"));
    }

    private static CriteriaView view(ScreeningCriteria c) {
        return new CriteriaView(c.region(), c.version(), c.criteria(), c.qualifyingScore(), c.definedBy(), c.definedAt());
    }
}
