package io.kam.projection.review;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AppliedEvents extends CrudRepository<AppliedEvent, Long> {

    /** Records an event as applied; 0 when it already was, in which case nothing else may happen. */
    @Query("""
            insert into review_event (event_id, account_id, type, occurred_at) values (:eventId, :accountId, :type, :occurredAt)
            on conflict (event_id) do nothing""")
    int record(UUID eventId, UUID accountId, String type, Instant occurredAt);
}
