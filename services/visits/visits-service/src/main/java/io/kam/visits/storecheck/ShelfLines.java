package io.kam.visits.storecheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.visits.api.Gtin;
import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckRequests.SkuLine;
import io.kam.visits.listing.ListedSku;

/**
 * Turns a check's SKU lines into checked SKUs against the account's listing, or refuses them all with every problem
 * named: a line for each listed SKU and for nothing else, each once; on shelf with a price and at least one facing,
 * off shelf with neither; a price neither above {@code maxRatio} times the agreed retail price nor below its
 * {@code 1/maxRatio} (a slip of the decimal point, not a price).
 */
final class ShelfLines {

    private ShelfLines() {
    }

    static List<SkuCheck> check(List<SkuLine> lines, List<ListedSku> listed, BigDecimal maxRatio) {
        Map<String, ListedSku> byGtin = new LinkedHashMap<>();
        listed.forEach(sku -> byGtin.put(sku.gtin(), sku));
        List<FieldError> errors = new ArrayList<>();
        List<SkuCheck> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            SkuLine line = lines.get(i);
            String field = "skus[" + i + "]";
            var gtin = Gtin.normalise(line.gtin());
            if (gtin.isEmpty()) {
                errors.add(new FieldError(field + ".gtin", Gtin.problem(line.gtin())));
                continue;
            }
            if (!seen.add(gtin.get())) {
                errors.add(new FieldError(field + ".gtin", "is checked twice in this store check"));
                continue;
            }
            ListedSku sku = byGtin.get(gtin.get());
            if (sku == null) {
                errors.add(new FieldError(field + ".gtin", "is not listed for the account"));
                continue;
            }
            int before = errors.size();
            shelf(line, sku, field, maxRatio, errors);
            if (errors.size() == before) {
                checked.add(new SkuCheck(sku.gtin(), line.onShelf(), price(line), sku.agreedRetailPrice(),
                        line.onShelf() ? ComplianceScore.deviationPercent(price(line), sku.agreedRetailPrice()) : null,
                        line.facings(), line.outOfStock()));
            }
        }
        List<String> unchecked = byGtin.keySet().stream().filter(g -> !seen.contains(g)).toList();
        if (!unchecked.isEmpty()) {
            errors.add(new FieldError("skus", "misses listed SKUs " + unchecked + ": a store check covers every SKU "
                    + "listed for the account"));
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        return checked;
    }

    private static void shelf(SkuLine line, ListedSku sku, String field, BigDecimal maxRatio, List<FieldError> errors) {
        if (!line.onShelf()) {
            if (line.shelfPrice() != null) {
                errors.add(new FieldError(field + ".shelfPrice", "must be absent when the SKU is not on shelf"));
            }
            if (line.facings() > 0) {
                errors.add(new FieldError(field + ".facings", "must be 0 when the SKU is not on shelf"));
            }
            if (line.outOfStock()) {
                errors.add(new FieldError(field + ".outOfStock", "applies only to a SKU on shelf whose place is empty"));
            }
            return;
        }
        if (line.facings() < 1) {
            errors.add(new FieldError(field + ".facings", "must be at least 1 when the SKU is on shelf"));
        }
        BigDecimal price = line.shelfPrice();
        if (price == null) {
            errors.add(new FieldError(field + ".shelfPrice", "is required when the SKU is on shelf"));
            return;
        }
        BigDecimal agreed = sku.agreedRetailPrice();
        if (price.compareTo(agreed.multiply(maxRatio)) > 0) {
            errors.add(new FieldError(field + ".shelfPrice", "is " + price + " yuan, more than " + maxRatio
                    + " times the agreed retail price of " + agreed + "; check the price"));
        } else if (price.multiply(maxRatio).compareTo(agreed) < 0) {
            errors.add(new FieldError(field + ".shelfPrice", "is " + price + " yuan, less than 1/" + maxRatio
                    + " of the agreed retail price of " + agreed + "; check the price"));
        }
    }

    private static BigDecimal price(SkuLine line) {
        return line.shelfPrice() == null ? null : line.shelfPrice().setScale(2, RoundingMode.UNNECESSARY);
    }
}
