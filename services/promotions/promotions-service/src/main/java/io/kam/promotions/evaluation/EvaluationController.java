package io.kam.promotions.evaluation;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionRequests;
import io.kam.promotions.evaluation.ProductCosts.ProductCost;
import io.kam.promotions.promotion.Promotion;
import io.kam.promotions.promotion.PromotionEvaluations;
import io.kam.promotions.promotion.PromotionReader;
import io.kam.promotions.replica.Stores;
import io.kam.visits.api.Gtin;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * A promotion's evaluation (its latest, and a preview worked out now) and the product-cost table it is priced on.
 * National KA managers only: spend and profit are never shown to coordinators or retailers.
 */
@RestController
@RequestMapping("/api/promotions")
@Validated
class EvaluationController {

    /** The outcome worked out now, per store × SKU and in total, with the parameters it used. */
    record Preview(UUID promotionId, int baselineWeeks, int dipWeeks, Evaluation.Result result) {
    }

    private final PromotionReader promotions;
    private final PromotionEvaluations evaluations;
    private final Evaluations evaluator;
    private final ProductCosts costs;
    private final Stores stores;
    private final CurrentActor current;

    EvaluationController(PromotionReader promotions, PromotionEvaluations evaluations, Evaluations evaluator,
                         ProductCosts costs, Stores stores, CurrentActor current) {
        this.promotions = promotions;
        this.evaluations = evaluations;
        this.evaluator = evaluator;
        this.costs = costs;
        this.stores = stores;
        this.current = current;
    }

    @Operation(summary = "A promotion's outcome worked out now from the sell-through (national KA managers)",
            description = "Per store × SKU and in total: baseline, actual, incremental, dip, uplift; gross profit, "
                    + "investment, ROI and cost per incremental unit. Nothing is recorded; the evaluation proper "
                    + "runs once the post-promotion weeks are over.")
    @GetMapping("/{id}/uplift")
    @Transactional(readOnly = true)
    Preview uplift(@PathVariable UUID id) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        Promotion promotion = promotions.find(id).orElseThrow(() -> new Rejection.NotFound("Promotion", id).refused());
        return new Preview(id, evaluator.baselineWeeks(), evaluator.dipWeeks(), evaluator.preview(promotion));
    }

    @Operation(summary = "A promotion's latest evaluation, as its kam.promotion.evaluated event tells it",
            description = "404 before the first evaluation.")
    @GetMapping("/{id}/evaluation")
    @Transactional(readOnly = true)
    PromotionEvaluated evaluation(@PathVariable UUID id) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        promotions.find(id).orElseThrow(() -> new Rejection.NotFound("Promotion", id).refused());
        return evaluations.latest(id).orElseThrow(() -> new Rejection.NotFound("Evaluation of promotion", id).refused());
    }

    @Operation(summary = "Set a SKU's category, list price to the account and unit cost (national KA managers)",
            description = "The account's evaluated promotions of that SKU or category are evaluated again.")
    @PutMapping("/product-costs/{accountId}/{gtin}")
    @Transactional
    ProductCost setCost(@PathVariable UUID accountId, @PathVariable String gtin,
                        @Valid @RequestBody PromotionRequests.SetProductCost request) {
        Actor manager = current.requireAny(Actor.NATIONAL_KA_MANAGER);
        String sku = Gtin.normalise(gtin).orElseThrow(() -> new Rejection.Invalid("gtin", Gtin.problem(gtin)).refused());
        if (!stores.accountExists(accountId)) {
            throw new Rejection.NotFound("Account", accountId).refused();
        }
        return costs.set(accountId, sku, request.category(), request.listPrice(), request.unitCost(), manager.name());
    }

    @Operation(summary = "An account's product-cost table (national KA managers)")
    @GetMapping("/product-costs")
    @Transactional(readOnly = true)
    List<ProductCost> costs(@RequestParam UUID accountId) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        return costs.list(accountId);
    }
}
