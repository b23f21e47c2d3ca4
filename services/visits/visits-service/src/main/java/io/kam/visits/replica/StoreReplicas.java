package io.kam.visits.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StoreReplicas extends CrudRepository<StoreReplica, UUID> {

    /** Loads the store and locks it until the transaction ends: its schedule is re-planned one change at a time. */
    @Query("select * from store_replica where store_id = :storeId for update")
    Optional<StoreReplica> findByIdForUpdate(UUID storeId);

    List<StoreReplica> findByAccountIdAndOpenOrderByCode(UUID accountId, boolean open);

    /** Whether the account has a store (open or closed) in the region: a coordinator there works for it. */
    @Query("select exists (select 1 from store_replica where account_id = :accountId and region = :region)")
    boolean hasStoreIn(UUID accountId, String region);

    /** The open stores of the accounts of a tier, in one format: those a standard governs. */
    @Query("""
            select s.* from store_replica s join account_replica a on a.account_id = s.account_id
            where s.open and a.tier = :tier and s.format = :format order by s.store_id""")
    List<StoreReplica> findOpenByTierAndFormat(String tier, String format);

    @Query("select store_id from store_replica where open order by store_id")
    List<UUID> findOpenIds();
}
