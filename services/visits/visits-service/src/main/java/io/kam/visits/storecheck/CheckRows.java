package io.kam.visits.storecheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.CompetitorObservation;
import io.kam.visits.api.SkuCheck;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The tables of store checks and their repositories; only this package uses them. */
final class CheckRows {

    private CheckRows() {
    }

    @MappedEntity("store_check_sku")
    record SkuRow(@Id UUID id, UUID checkId, int position, String gtin, boolean onShelf, @Nullable BigDecimal shelfPrice,
                  BigDecimal agreedRetailPrice, @Nullable BigDecimal deviationPercent, int facings, boolean outOfStock) {

        SkuCheck check() {
            return new SkuCheck(gtin, onShelf, shelfPrice, agreedRetailPrice, deviationPercent, facings, outOfStock);
        }
    }

    @MappedEntity("competitor_observation")
    record CompetitorRow(@Id UUID id, UUID checkId, int position, String brand, String product,
                         @Nullable BigDecimal price, @Nullable String promotion) {

        CompetitorObservation observation() {
            return new CompetitorObservation(brand, product, price, promotion);
        }
    }

    /** A photo's metadata; its bytes are in {@link PhotoContent}, read only when the photo is served. */
    @MappedEntity("store_check_photo")
    record Photo(@Id UUID id, UUID checkId, String contentType, long size, String sha256, String addedBy,
                 Instant addedAt) {
    }

    @MappedEntity("photo_content")
    record PhotoContent(@Id UUID photoId, byte[] content) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Checks extends CrudRepository<StoreCheck, UUID> {
        Optional<StoreCheck> findByVisitId(UUID visitId);

        @Query("select * from store_check where id = :id for update")
        Optional<StoreCheck> findByIdForUpdate(UUID id);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Skus extends CrudRepository<SkuRow, UUID> {
        List<SkuRow> findByCheckIdOrderByPosition(UUID checkId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Competitors extends CrudRepository<CompetitorRow, UUID> {
        List<CompetitorRow> findByCheckIdOrderByPosition(UUID checkId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Photos extends CrudRepository<Photo, UUID> {
        List<Photo> findByCheckIdOrderByAddedAt(UUID checkId);

        long countByCheckId(UUID checkId);

        Optional<Photo> findByIdAndCheckId(UUID id, UUID checkId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Contents extends CrudRepository<PhotoContent, UUID> {
    }
}
