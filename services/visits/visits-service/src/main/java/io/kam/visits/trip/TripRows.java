package io.kam.visits.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.Finding;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The tables of trips and their repositories; only this package uses them. */
final class TripRows {

    private TripRows() {
    }

    /** A visit on a trip; {@code active} while the trip is not returned. A visit is on at most one active trip. */
    @MappedEntity("trip_visit")
    record TripVisitRow(@Id UUID id, UUID tripId, UUID visitId, UUID accountId, boolean active) {
    }

    @MappedEntity("trip_summary")
    record SummaryRow(@Id UUID id, UUID tripId, LocalDate date, String summary, Instant addedAt) {
    }

    @MappedEntity("trip_finding")
    record FindingRow(@Id UUID id, UUID tripId, int position, @Nullable UUID visitId, String problem, String solution) {

        Finding finding() {
            return new Finding(visitId, problem, solution);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Trips extends CrudRepository<Trip, UUID> {
        @Query("select * from trip where id = :id for update")
        Optional<Trip> findByIdForUpdate(UUID id);

        @Query("""
                select * from trip where (cast(:region as text) is null or region = :region)
                  and (cast(:status as text) is null or status = :status)
                order by start_date desc, id limit :limit offset :offset""")
        List<Trip> search(@Nullable String region, @Nullable String status, int limit, long offset);

        @Query("""
                select count(*) from trip where (cast(:region as text) is null or region = :region)
                  and (cast(:status as text) is null or status = :status)""")
        long countSearch(@Nullable String region, @Nullable String status);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface TripVisits extends CrudRepository<TripVisitRow, UUID> {
        List<TripVisitRow> findByTripId(UUID tripId);

        List<TripVisitRow> findByVisitIdInListAndActive(Collection<UUID> visitIds, boolean active);

        @Query("update trip_visit set active = false where trip_id = :tripId")
        void release(UUID tripId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Summaries extends CrudRepository<SummaryRow, UUID> {
        List<SummaryRow> findByTripIdOrderByDate(UUID tripId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Findings extends CrudRepository<FindingRow, UUID> {
        List<FindingRow> findByTripIdOrderByPosition(UUID tripId);
    }
}
