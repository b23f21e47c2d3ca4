package io.kam.promotions.fund;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.promotions.api.PromotionRequests;
import io.kam.promotions.api.PromotionViews.FundView;
import io.kam.promotions.api.PromotionViews.FundsView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Promotion funds per account and year, and nationally: budget, committed, remaining. National KA managers only. */
@RestController
@RequestMapping("/api/promotions/funds")
class FundsController {

    private final Funds funds;
    private final CurrentActor current;

    FundsController(Funds funds, CurrentActor current) {
        this.funds = funds;
        this.current = current;
    }

    @Operation(summary = "Set a fund's budget for an account's year (one category, or none for all)",
            description = "A fund set here is no longer seeded from the business plan's promotion-spend target.")
    @PutMapping
    @Transactional
    FundView set(@Valid @RequestBody PromotionRequests.SetFund request) {
        Actor manager = current.requireAny(Actor.NATIONAL_KA_MANAGER);
        return funds.set(request.accountId(), request.year(), request.category(), request.amount(), manager.name());
    }

    @Operation(summary = "Funds with their budget, committed and remaining amounts, for an account or nationally")
    @GetMapping
    @Transactional(readOnly = true)
    FundsView list(@RequestParam(required = false) @Nullable UUID accountId,
                   @RequestParam(required = false) @Nullable Integer year) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        return funds.list(accountId, year);
    }
}
