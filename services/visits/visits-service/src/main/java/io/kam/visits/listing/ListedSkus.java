package io.kam.visits.listing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ListedSkus extends CrudRepository<ListedSku, UUID> {

    /** The account's listed SKUs by GTIN. */
    List<ListedSku> findByAccountIdOrderByGtin(UUID accountId);

    Optional<ListedSku> findByAccountIdAndGtin(UUID accountId, String gtin);

    @Query("select * from listed_sku where account_id = :accountId and gtin = :gtin for update")
    Optional<ListedSku> findForUpdate(UUID accountId, String gtin);
}
