package io.kam.projection.review;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StoreRows extends CrudRepository<StoreRow, UUID> {

    /** Writes the store as the event describes it, whether or not it was known: one statement per event. */
    @Query("""
            insert into review_store (store_id, account_id, code, region, open, closed_on)
            values (:storeId, :accountId, :code, :region, :open, :closedOn)
            on conflict (store_id) do update set account_id = excluded.account_id, code = excluded.code,
                region = excluded.region, open = excluded.open, closed_on = excluded.closed_on""")
    void put(UUID storeId, UUID accountId, @Nullable String code, String region, boolean open, @Nullable LocalDate closedOn);
}
