package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.PromotionEvents.AgreementRef;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionRequests.PeriodInput;
import io.kam.promotions.api.PromotionRequests.SkuInput;
import io.kam.promotions.api.PromotionRequests.StoresInput;
import io.kam.promotions.api.PromotionRequests.TermsInput;
import io.kam.promotions.fund.Funds;
import io.kam.promotions.replica.AgreedPromotionFees;
import io.kam.promotions.replica.Listings;
import io.kam.promotions.replica.Stores;
import io.kam.visits.api.Gtin;

/**
 * Turns the terms a manager sends into a promotion's terms, or refuses them with every field at fault: GTINs with
 * their check digit, each named once and listed for the account; a promoted price or a discount depth (not both) below the regular price;
 * periods that do not end before they start, an in-store period of at most a year, sell-in that begins by the
 * in-store period's end; a fund of the account; a forecast, else one proposed from history; percentage fees of at most 100; and stores that are open stores of the account, named or selected by region and format.
 * Terms sent without fees ({@code fees} absent or null) take the default fees of the account's agreement in force on
 * the first in-store day ({@link AgreedFeeDefaults}) and name it; terms with fees, an empty list included, keep their
 * own.
 */
@Component
class TermsRules {

    /** Resolved terms and the regions their stores are in. */
    record Resolved(Terms terms, List<Region> regions) {
    }

    /** The longest in-store period: a year. */
    static final int MAX_DAYS = 366;

    private final Stores stores;
    private final Listings listings;
    private final Funds funds;
    private final ForecastProposer forecasts;
    private final AgreedPromotionFees agreedFees;

    TermsRules(Stores stores, Listings listings, Funds funds, ForecastProposer forecasts,
               AgreedPromotionFees agreedFees) {
        this.stores = stores;
        this.listings = listings;
        this.funds = funds;
        this.forecasts = forecasts;
        this.agreedFees = agreedFees;
    }

    Resolved resolve(UUID accountId, TermsInput input, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        List<PromotedSku> skus = skus(input.skus(), prefix + "skus", errors);
        unlisted(accountId, input.skus(), skus, prefix + "skus", errors);
        Period inStore = period(input.inStore(), prefix + "inStore", errors);
        Period sellIn = period(input.sellIn(), prefix + "sellIn", errors);
        if (inStore != null && sellIn != null && sellIn.from().isAfter(inStore.to())) {
            errors.add(new FieldError(prefix + "sellIn.from", "must not be after the in-store period's last day ("
                    + inStore.to() + ")"));
        }
        if (inStore != null && inStore.days() > MAX_DAYS) {
            errors.add(new FieldError(prefix + "inStore.to", "must be within " + MAX_DAYS + " days of "
                    + prefix + "inStore.from; a longer run is not a promotion but a price"));
        }
        if (input.fundId() != null && !funds.isFundOf(accountId, input.fundId())) {
            errors.add(new FieldError(prefix + "fundId", "is not a fund of this account"));
        }
        List<Fee> fees = fees(input, prefix + "fees", errors);
        AgreementRef defaultFeesFrom = null;
        if (input.fees() == null && inStore != null) {
            var defaults = agreedFees.inForceOn(accountId, inStore.from()).map(AgreedFeeDefaults::of);
            if (defaults.isPresent()) {
                fees = defaults.get().fees();
                defaultFeesFrom = defaults.get().from();
            }
        }
        Map<UUID, Region> selected = stores(accountId, input.stores(), prefix + "stores", errors);
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        List<UUID> storeIds = List.copyOf(selected.keySet());
        List<Region> regions = selected.values().stream().distinct().sorted().toList();
        Forecast forecast = input.forecast() != null
                ? new Forecast(input.forecast().baselineUnits(), input.forecast().upliftUnits())
                : forecasts.propose(accountId, skus, storeIds, inStore).forecast();
        Terms terms = new Terms(input.name().strip(), input.mechanics().stream().distinct().toList(), skus, storeIds,
                inStore, sellIn, fees, input.fundId(), forecast, input.retailerFundsDiscount(),
                input.note() == null || input.note().isBlank() ? null : input.note().strip(), defaultFeesFrom);
        return new Resolved(terms, regions);
    }

    private static List<PromotedSku> skus(List<SkuInput> inputs, String path, List<FieldError> errors) {
        List<PromotedSku> skus = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            SkuInput sku = inputs.get(i);
            String at = path + "[" + i + "]";
            var gtin = Gtin.normalise(sku.gtin());
            if (gtin.isEmpty()) {
                errors.add(new FieldError(at + ".gtin", Gtin.problem(sku.gtin())));
                continue;
            }
            if (!seen.add(gtin.get())) {
                errors.add(new FieldError(at + ".gtin", "is listed twice; list each SKU once"));
                continue;
            }
            if ((sku.promotedPrice() == null) == (sku.discountPercent() == null)) {
                errors.add(new FieldError(at + ".promotedPrice", "give either the promoted price or the discount "
                        + "depth (discountPercent), not both and not neither"));
                continue;
            }
            BigDecimal promoted = sku.promotedPrice() != null ? sku.promotedPrice().setScale(2, RoundingMode.HALF_UP)
                    : sku.regularPrice().multiply(BigDecimal.ONE.subtract(sku.discountPercent().movePointLeft(2)))
                            .setScale(2, RoundingMode.HALF_UP);
            if (promoted.compareTo(sku.regularPrice()) >= 0) {
                errors.add(new FieldError(at + ".promotedPrice", "must be below the regular price ("
                        + sku.regularPrice() + ")"));
                continue;
            }
            skus.add(new PromotedSku(gtin.get(), sku.category().strip(), sku.regularPrice().setScale(2, RoundingMode.HALF_UP),
                    promoted));
        }
        return skus;
    }

    /** Names each valid SKU that is not listed for the account. */
    private void unlisted(UUID accountId, List<SkuInput> inputs, List<PromotedSku> skus, String path,
                          List<FieldError> errors) {
        Set<String> listed = listings.listedOf(accountId, skus.stream().map(PromotedSku::gtin).toList());
        for (int i = 0; i < inputs.size(); i++) {
            var gtin = Gtin.normalise(inputs.get(i).gtin());
            if (gtin.isPresent() && skus.stream().anyMatch(s -> s.gtin().equals(gtin.get()))
                    && !listed.contains(gtin.get())) {
                errors.add(new FieldError(path + "[" + i + "].gtin", "is not listed for this account; list it (visits "
                        + "service) before promoting it"));
            }
        }
    }

    private static Period period(PeriodInput input, String path, List<FieldError> errors) {
        if (input.to().isBefore(input.from())) {
            errors.add(new FieldError(path + ".to", "must not be before " + path + ".from (" + input.from() + ")"));
            return null;
        }
        return new Period(input.from(), input.to());
    }

    private static List<Fee> fees(TermsInput input, String path, List<FieldError> errors) {
        if (input.fees() == null) {
            return List.of();
        }
        List<Fee> fees = new ArrayList<>();
        for (int i = 0; i < input.fees().size(); i++) {
            var fee = input.fees().get(i);
            if (fee.basis() == FeeBasis.OFF_INVOICE_PERCENT && fee.amount().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError(path + "[" + i + "].amount", "is a percentage for OFF_INVOICE_PERCENT and must "
                        + "not exceed 100"));
            }
            fees.add(new Fee(fee.kind(), fee.amount().setScale(2, RoundingMode.HALF_UP), fee.basis(),
                    fee.note() == null || fee.note().isBlank() ? null : fee.note().strip()));
        }
        return fees;
    }

    private Map<UUID, Region> stores(UUID accountId, StoresInput input, String path, List<FieldError> errors) {
        boolean named = input.storeIds() != null && !input.storeIds().isEmpty();
        if (named && (input.region() != null || input.format() != null)) {
            errors.add(new FieldError(path, "name the stores, or select them by region and format, not both"));
            return Map.of();
        }
        Map<UUID, Region> found = new LinkedHashMap<>();
        if (!named) {
            found.putAll(stores.openStores(accountId, input.region(), input.format()));
        } else {
            Map<UUID, Region> open = stores.openStoresOf(accountId, input.storeIds());
            for (int i = 0; i < input.storeIds().size(); i++) {
                UUID id = input.storeIds().get(i);
                if (open.containsKey(id)) {
                    found.put(id, open.get(id));
                } else {
                    errors.add(new FieldError(path + ".storeIds[" + i + "]", "is not an open store of this account"));
                }
            }
        }
        if (found.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith(path))) {
            errors.add(new FieldError(path, "select no open store of this account"));
        }
        return found;
    }
}
