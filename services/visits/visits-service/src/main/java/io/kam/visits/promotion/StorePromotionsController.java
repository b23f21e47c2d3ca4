package io.kam.visits.promotion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.ExecutionViews.RunningPromotionView;
import io.kam.visits.replica.StoreReplicas;
import io.swagger.v3.oas.annotations.Operation;

/** The promotions running in a store: what a store check there records the execution of. */
@RestController
@RequestMapping("/api/visits/stores")
class StorePromotionsController {

    private final StorePromotions promotions;
    private final StoreReplicas stores;
    private final VisitAccess access;
    private final MarketCalendar calendar;

    StorePromotionsController(StorePromotions promotions, StoreReplicas stores, VisitAccess access,
                              MarketCalendar calendar) {
        this.promotions = promotions;
        this.stores = stores;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "The promotions running in the store today (or on the day given), with what a check calls for",
            description = "Agreed with the retailer and in store that day (market calendar). A store check there lists "
                    + "each in `promotions` with the elements called for. Coordinators see their region's stores.")
    @GetMapping("/{storeId}/promotions")
    List<RunningPromotionView> running(@PathVariable UUID storeId, @RequestParam(required = false) LocalDate on) {
        var actor = access.staff();
        var store = stores.findById(storeId).orElseThrow(() -> new ApiProblem.NotFound("Store", storeId));
        access.requireVisible(actor, store.region(), "Store", storeId);
        return promotions.runningAt(storeId, on == null ? calendar.today() : on).stream()
                .map(RunningPromotion::view).toList();
    }
}
