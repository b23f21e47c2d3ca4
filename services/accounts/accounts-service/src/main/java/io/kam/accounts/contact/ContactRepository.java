package io.kam.accounts.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRepository extends CrudRepository<Contact, UUID> {

    Optional<Contact> findByIdAndAccountId(UUID id, UUID accountId);

    @Query("select * from contact where account_id = :accountId order by department, name, id")
    List<Contact> listOf(UUID accountId);

    @Query("select * from contact where account_id = :accountId and department = :department order by name, id")
    List<Contact> listOf(UUID accountId, String department);
}
