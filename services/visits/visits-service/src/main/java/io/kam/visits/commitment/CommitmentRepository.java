package io.kam.visits.commitment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommitmentRepository extends CrudRepository<Commitment, UUID> {

    @Query("select * from commitment where id = :id for update")
    Optional<Commitment> findByIdForUpdate(UUID id);

    List<Commitment> findByVisitIdOrderByMadeAt(UUID visitId);

    @Query("""
            select * from commitment
            where (cast(:status as text) is null or status = :status)
              and (cast(:region as text) is null or region = :region)
              and (cast(:accountId as uuid) is null or account_id = :accountId)
            order by made_at, id limit :limit offset :offset""")
    List<Commitment> search(@Nullable String status, @Nullable String region, @Nullable UUID accountId, int limit,
                            long offset);

    @Query("""
            select count(*) from commitment
            where (cast(:status as text) is null or status = :status)
              and (cast(:region as text) is null or region = :region)
              and (cast(:accountId as uuid) is null or account_id = :accountId)""")
    long countSearch(@Nullable String status, @Nullable String region, @Nullable UUID accountId);
}
