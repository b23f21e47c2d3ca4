package io.kam.visits.storecheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.visits.api.DisplayCheck;
import io.kam.visits.api.ScoreParts;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A store check (终端检查) recorded at a visit: its score and parts, display and material. At most one per visit. */
@MappedEntity("store_check")
record StoreCheck(@Id UUID id, UUID visitId, UUID accountId, UUID storeId, Region region, String checkedBy,
                  Instant checkedAt, BigDecimal score, BigDecimal distribution, BigDecimal availability,
                  BigDecimal price, BigDecimal display, int secondaryDisplays, boolean poster, boolean hangingFlag,
                  boolean displayCabinet, boolean promoterPresent) {

    ScoreParts parts() {
        return new ScoreParts(distribution, availability, price, display);
    }

    DisplayCheck displayCheck() {
        return new DisplayCheck(secondaryDisplays, poster, hangingFlag, displayCabinet, promoterPresent);
    }
}
