package io.kam.accounts.wall;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.WallLevel;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WallCellRepository extends CrudRepository<WallCell, UUID> {

    Optional<WallCell> findByAccountIdAndDepartmentAndLevel(UUID accountId, Department department, WallLevel level);

    List<WallCell> findByAccountId(UUID accountId);
}
