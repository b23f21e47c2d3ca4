package io.kam.accounts.dates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ImportantDateRepository extends CrudRepository<ImportantDate, UUID> {

    Optional<ImportantDate> findByIdAndAccountId(UUID id, UUID accountId);

    List<ImportantDate> findByAccountIdAndContactId(UUID accountId, UUID contactId);
}
