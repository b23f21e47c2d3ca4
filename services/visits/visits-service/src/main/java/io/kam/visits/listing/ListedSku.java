package io.kam.visits.listing;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.SettingViews.SkuView;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A SKU the account lists, with the retail price agreed with it, in yuan. Until a listing and terms service exists,
 * national KA managers keep this list here; store checks check the shelf against it.
 *
 * @param gtin the GTIN as 14 digits (see {@link io.kam.visits.api.Gtin})
 */
@MappedEntity("listed_sku")
public record ListedSku(@Id UUID id, UUID accountId, String gtin, String name, BigDecimal agreedRetailPrice,
                        @Nullable @Version Long version) {

    public SkuView view() {
        return new SkuView(accountId, gtin, name, agreedRetailPrice, version == null ? 0 : version);
    }
}
