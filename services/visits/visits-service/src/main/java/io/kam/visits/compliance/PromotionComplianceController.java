package io.kam.visits.compliance;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.ExecutionViews.PromotionCompliance;
import io.swagger.v3.oas.annotations.Operation;

/** How well a promotion is executed in its stores, from the store checks' findings. */
@RestController
@RequestMapping("/api/visits/promotions")
class PromotionComplianceController {

    private final PromotionComplianceQueries queries;
    private final VisitAccess access;

    PromotionComplianceController(PromotionComplianceQueries queries, VisitAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "A promotion's in-store compliance: checked and executing stores, the share, the deviations",
            description = "Per store its latest check's result. compliance = executing / checked stores in percent, one "
                    + "decimal (null while none was checked). Coordinators see their region's stores only: a promotion "
                    + "without a store there is 404, another region asked for 403.")
    @GetMapping("/{promotionId}/compliance")
    PromotionCompliance compliance(@PathVariable UUID promotionId, @RequestParam(required = false) Region region) {
        var actor = access.staff();
        Region scope = access.listingRegion(actor, region).orElse(null);
        var report = queries.report(promotionId, scope)
                .orElseThrow(() -> new Rejection.NotFound("Promotion", promotionId).refused());
        boolean confined = access.confinement(actor).isPresent();
        if (confined && report.stores() == 0 && report.checkedStores() == 0) {
            throw new Rejection.NotFound("Promotion", promotionId).refused();
        }
        return report;
    }
}
