package io.kam.projection.review;

import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRows extends CrudRepository<AccountRow, UUID> {

    /** Makes sure the account is known, by its id alone if its opening was not seen yet. */
    @Query("insert into review_account (account_id) values (:accountId) on conflict (account_id) do nothing")
    void know(UUID accountId);
}
