package io.kam.accounts.account;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The histories of classification and stage, oldest first. */
final class HistoryRepositories {

    private HistoryRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Classifications extends CrudRepository<ClassificationRecord, UUID> {
        List<ClassificationRecord> findByAccountIdOrderByChangedAt(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Stages extends CrudRepository<StageRecord, UUID> {
        List<StageRecord> findByAccountIdOrderByChangedAt(UUID accountId);
    }
}
