package io.kam.visits.commitment;

import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommitmentPolicies extends CrudRepository<CommitmentPolicy, UUID> {

    @Query("select * from commitment_policy where account_id = :accountId for update")
    Optional<CommitmentPolicy> findByIdForUpdate(UUID accountId);

    /** The account's policy; none allows nothing. */
    default CommitmentPolicy of(UUID accountId) {
        return findById(accountId).orElseGet(() -> CommitmentPolicy.none(accountId));
    }
}
