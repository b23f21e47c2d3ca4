package io.kam.accounts.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountRepository extends CrudRepository<Account, UUID> {

    /** Loads the account and locks it until the transaction ends, so changes to one account run one at a time. */
    @Query("select * from account where id = :id for update")
    Optional<Account> findByIdForUpdate(UUID id);

    /** Whether another account already has this name, ignoring case. */
    @Query("select count(*) > 0 from account where lower(name) = lower(:name) and id <> :exceptId")
    boolean nameTaken(String name, UUID exceptId);

    @Query("""
            select * from account a
            where (cast(:only as uuid) is null or a.id = :only)
              and (cast(:tier as text) is null or a.tier = :tier)
              and (cast(:stage as text) is null or a.stage = :stage)
              and (cast(:region as text) is null or a.home_region = :region
                   or exists (select 1 from store s where s.account_id = a.id and s.region = :region and s.status = 'OPEN'))
            order by lower(a.name), a.id
            limit :limit offset :offset""")
    List<Account> search(@Nullable String region, @Nullable UUID only, @Nullable String tier, @Nullable String stage, int limit,
                         long offset);

    @Query("""
            select count(*) from account a
            where (cast(:only as uuid) is null or a.id = :only)
              and (cast(:tier as text) is null or a.tier = :tier)
              and (cast(:stage as text) is null or a.stage = :stage)
              and (cast(:region as text) is null or a.home_region = :region
                   or exists (select 1 from store s where s.account_id = a.id and s.region = :region and s.status = 'OPEN'))""")
    long countSearch(@Nullable String region, @Nullable UUID only, @Nullable String tier, @Nullable String stage);
}
