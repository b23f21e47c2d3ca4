package io.kam.visits.visit;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The repositories of a visit's preparation, log and follow-ups; only this package uses them. */
final class VisitRows {

    private VisitRows() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Preparations extends CrudRepository<VisitPreparation, UUID> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Logs extends CrudRepository<VisitLog, UUID> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface FollowUps extends CrudRepository<FollowUpRow, UUID> {
        List<FollowUpRow> findByVisitIdOrderByPosition(UUID visitId);
    }
}
