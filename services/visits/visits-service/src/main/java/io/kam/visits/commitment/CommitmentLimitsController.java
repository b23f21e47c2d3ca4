package io.kam.visits.commitment;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.VisitViews.CommitmentLimitsView;
import io.kam.visits.replica.AccountReplicas;
import io.kam.visits.replica.StoreReplicas;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The limits a coordinator's commitments at an account are checked against: what the agreement in force and the agreed
 * promotions in store allow, and nothing of the negotiation behind them. National KA managers see every account's; a
 * coordinator only those of an account with a store in their region (any other answers 404, so that it does not leak);
 * integrations none (403).
 */
@RestController
@RequestMapping("/api/visits/accounts")
class CommitmentLimitsController {

    private final CommitmentLimits limits;
    private final AccountReplicas accounts;
    private final StoreReplicas stores;
    private final VisitAccess access;
    private final MarketCalendar calendar;

    CommitmentLimitsController(CommitmentLimits limits, AccountReplicas accounts, StoreReplicas stores,
                               VisitAccess access, MarketCalendar calendar) {
        this.limits = limits;
        this.accounts = accounts;
        this.stores = stores;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "The limits commitments at the account are checked against today (or on the day given)",
            description = "Each limit's kind, value, unit, what it is per, its source (agreement version or promotion "
                    + "revision) and days in force: the terms of the agreement version in force that limit a commitment, "
                    + "and what the promotions agreed with the retailer and in store that day allow (at the store given, "
                    + "else at any of the account's stores). Never a negotiation's positions, costs or shares.")
    @GetMapping("/{accountId}/commitment-limits")
    @Transactional(readOnly = true)
    CommitmentLimitsView limits(@PathVariable UUID accountId, @RequestParam(required = false) @Nullable LocalDate date,
                                @RequestParam(required = false) @Nullable UUID storeId) {
        var actor = access.staff();
        if (!accounts.existsById(accountId)) {
            throw new ApiProblem.NotFound("Account", accountId);
        }
        access.confinement(actor).ifPresent(region -> {
            if (!stores.hasStoreIn(accountId, region.name())) {
                throw new ApiProblem.NotFound("Account", accountId);
            }
        });
        if (storeId != null) {
            var store = stores.findById(storeId).filter(s -> s.accountId().equals(accountId))
                    .orElseThrow(() -> new ApiProblem.NotFound("Store", storeId));
            access.requireVisible(actor, store.region(), "Store", storeId);
        }
        LocalDate day = date == null ? calendar.today() : date;
        return new CommitmentLimitsView(accountId, day, limits.on(accountId, storeId, day).all());
    }
}
