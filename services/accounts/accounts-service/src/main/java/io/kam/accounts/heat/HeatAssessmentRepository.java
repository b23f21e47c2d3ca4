package io.kam.accounts.heat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HeatAssessmentRepository extends CrudRepository<HeatAssessment, UUID> {

    Optional<HeatAssessment> findByIdAndAccountId(UUID id, UUID accountId);

    /** The account's assessments, oldest first. */
    @Query("select * from heat_assessment where account_id = :accountId order by number")
    List<HeatAssessment> historyOf(UUID accountId);
}
