package io.kam.visits.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ComplaintRepository extends CrudRepository<Complaint, UUID> {

    @Query("select * from complaint where id = :id for update")
    Optional<Complaint> findByIdForUpdate(UUID id);

    String FILTER = """
            where (cast(:status as text) is null or status = :status)
              and (cast(:region as text) is null or region = :region)
              and (cast(:accountId as uuid) is null or account_id = :accountId)
              and (cast(:storeId as uuid) is null or store_id = :storeId)
              and (not :overdueOnly or (status = 'RESOLVED' and resolution = 'PROMISED_DATE'
                                        and promise_kept_on is null and promised_date < :today))""";

    @Query("select * from complaint " + FILTER + " order by opened_at desc, id limit :limit offset :offset")
    List<Complaint> search(@Nullable String status, @Nullable String region, @Nullable UUID accountId,
                           @Nullable UUID storeId, boolean overdueOnly, LocalDate today, int limit, long offset);

    @Query("select count(*) from complaint " + FILTER)
    long countSearch(@Nullable String status, @Nullable String region, @Nullable UUID accountId,
                     @Nullable UUID storeId, boolean overdueOnly, LocalDate today);
}
