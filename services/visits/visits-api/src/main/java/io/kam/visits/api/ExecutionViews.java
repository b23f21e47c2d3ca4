package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.visits.api.StoreCheckEvents.PromotedPriceCheck;

/**
 * Promotion execution in stores (促销执行): the promotions running in a store and what a check of each calls for, the
 * execution a store check found, a promotion's compliance across its stores, and the promotions a visit's store
 * starts in the visit's week.
 */
public final class ExecutionViews {

    private ExecutionViews() {
    }

    /**
     * A promotion running in a store, with what its check calls for: the promoted price of every SKU always; a built
     * display, POS material or a promoter when {@code displayCalledFor}, {@code posMaterialCalledFor} or
     * {@code promoterCalledFor} (a store check then answers each with true or false, and leaves the others out).
     *
     * @param mechanics the promotion's mechanics, as the promotions contract names them
     */
    public record RunningPromotionView(UUID promotionId, int revision, String name, List<String> mechanics,
                                       LocalDate inStoreFrom, LocalDate inStoreTo, List<PromotedPrice> skus,
                                       boolean displayCalledFor, boolean posMaterialCalledFor,
                                       boolean promoterCalledFor) {
    }

    /** A promoted SKU (GTIN of 14 digits) and the price it should carry on the shelf, in yuan. */
    public record PromotedPrice(String gtin, BigDecimal promotedPrice) {
    }

    /**
     * How a store check found a running promotion executed; the same figures as {@code kam.promotion-execution.checked}.
     * {@code photoId} is the latest photo added to the check for the promotion, null while there is none.
     */
    public record PromotionExecutionView(UUID promotionId, int promotionRevision, String name,
                                         List<PromotedPriceCheck> prices, Boolean displayBuilt,
                                         Boolean posMaterialPresent, Boolean promoterPresent, UUID photoId,
                                         boolean executed, List<String> deviations) {
    }

    /**
     * A promotion's in-store compliance over the stores the caller sees (a coordinator: their region's).
     *
     * @param stores           the promotion's stores in that scope
     * @param checkedStores    of those, the stores a check found it running in
     * @param executingStores  of the checked stores, those whose latest check found it executed
     * @param compliance       executingStores / checkedStores in percent, one decimal, half up; null while no store
     *                         was checked
     * @param deviations       per deviation code, how many checked stores show it at their latest check, most first
     * @param checked          per checked store, its latest check's result, by store code
     */
    public record PromotionCompliance(UUID promotionId, UUID accountId, String name, int revision, String status,
                                      LocalDate inStoreFrom, LocalDate inStoreTo, Region region, long stores,
                                      long checkedStores, long executingStores, BigDecimal compliance,
                                      List<DeviationCount> deviations, List<StoreExecution> checked) {
    }

    public record DeviationCount(String code, long stores) {
    }

    /** A store's latest check of the promotion. */
    public record StoreExecution(UUID storeId, String storeCode, String storeName, Region region, UUID checkId,
                                 UUID visitId, String checkedBy, Instant checkedAt, int promotionRevision,
                                 boolean executed, List<String> deviations, UUID photoId) {
    }

    /** An agreed promotion of the visit's store whose in-store period starts in the visit's week (Monday to Sunday). */
    public record PromotionMark(UUID promotionId, String name, LocalDate inStoreFrom, LocalDate inStoreTo) {
    }
}
