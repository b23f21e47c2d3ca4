package io.kam.accounts.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StoreRepository extends CrudRepository<Store, UUID> {

    Optional<Store> findByIdAndAccountId(UUID id, UUID accountId);

    List<Store> findByAccountIdAndCodeInList(UUID accountId, Collection<String> codes);

    @Query("""
            select * from store
            where account_id = :accountId
              and (cast(:region as text) is null or region = :region)
              and (cast(:status as text) is null or status = :status)
            order by code
            limit :limit offset :offset""")
    List<Store> search(UUID accountId, @Nullable String region, @Nullable String status, int limit, long offset);

    @Query("""
            select count(*) from store
            where account_id = :accountId
              and (cast(:region as text) is null or region = :region)
              and (cast(:status as text) is null or status = :status)""")
    long countSearch(UUID accountId, @Nullable String region, @Nullable String status);
}
