package io.kam.accounts.swot;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SwotPointRepository extends CrudRepository<SwotPoint, UUID> {

    Optional<SwotPoint> findByIdAndAccountId(UUID id, UUID accountId);

    /** The account's points in the order they were added. */
    @Query("select * from swot_point where account_id = :accountId order by created_at, id")
    List<SwotPoint> listOf(UUID accountId);
}
