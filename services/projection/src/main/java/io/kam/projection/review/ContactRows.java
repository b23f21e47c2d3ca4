package io.kam.projection.review;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRows extends CrudRepository<ContactRow, UUID> {

    /** Writes the contact as the event describes it, whether or not it was known. */
    @Query("""
            insert into review_contact (contact_id, account_id, department, level)
            values (:contactId, :accountId, :department, :level)
            on conflict (contact_id) do update set account_id = excluded.account_id, department = excluded.department,
                level = excluded.level""")
    void put(UUID contactId, UUID accountId, String department, @Nullable String level);
}
