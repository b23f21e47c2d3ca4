package io.kam.visits.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VisitRepository extends CrudRepository<Visit, UUID> {

    /** Loads the visit and locks it until the transaction ends, so its changes (and the sweep) run one at a time. */
    @Query("select * from visit where id = :id for update")
    Optional<Visit> findByIdForUpdate(UUID id);

    /** The scheduled visits of a store due between two days, whatever became of them except cancellation. */
    @Query("""
            select * from visit where store_id = :storeId and origin = 'SCHEDULE' and status <> 'CANCELLED'
              and due_date between :from and :to order by due_date for update""")
    List<Visit> findScheduledForUpdate(UUID storeId, LocalDate from, LocalDate to);

    /** The store's visits still to be made or missed from a day on: those its closure cancels. */
    @Query("""
            select * from visit where store_id = :storeId and status in ('PLANNED', 'MISSED') and planned_date >= :from
            order by planned_date for update""")
    List<Visit> findOpenFromForUpdate(UUID storeId, LocalDate from);

    /** The region's visits still to be made from a day on: those a new coordinator takes over. */
    @Query("""
            select * from visit where region = :region and status = 'PLANNED' and planned_date >= :from
            order by account_id, planned_date for update""")
    List<Visit> findPlannedInRegionFromForUpdate(String region, LocalDate from);

    /** Visits whose log window closed without a log, oldest first; rows another sweep holds are skipped. */
    @Query("""
            select * from visit where status = 'PLANNED' and log_deadline < :now
            order by log_deadline limit :limit for update skip locked""")
    List<Visit> findOverdueForUpdate(Instant now, int limit);
}
