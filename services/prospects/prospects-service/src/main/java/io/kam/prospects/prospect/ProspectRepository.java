package io.kam.prospects.prospect;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProspectRepository extends CrudRepository<Prospect, UUID> {

    /** Loads the prospect and locks it until the transaction ends. */
    @Query("select * from prospect where id = :id for update")
    Optional<Prospect> findByIdForUpdate(UUID id);

    Optional<Prospect> findByAccountId(UUID accountId);

    /** Another prospect of the same company: the same name in the same city, or the same tax id. */
    @Query("""
            select * from prospect
            where id <> :exceptId and ((name_key = :nameKey and city_key = :cityKey)
                                       or (cast(:taxId as text) is not null and tax_id = :taxId))
            limit 1""")
    Optional<Prospect> findDuplicate(String nameKey, String cityKey, @Nullable String taxId, UUID exceptId);

    /** The open prospects of a region, locked, for rescoring when its criteria change. */
    @Query("select * from prospect where region = :region and stage not in ('CONVERTED', 'DROPPED') order by id for update")
    List<Prospect> findOpenInRegionForUpdate(String region);

    @Query("""
            select * from prospect
            where (cast(:region as text) is null or region = :region)
              and (cast(:stage as text) is null or stage = :stage)
              and (cast(:source as text) is null or source = :source)
            order by identified_at desc, id
            limit :limit offset :offset""")
    List<Prospect> search(@Nullable String region, @Nullable String stage, @Nullable String source, int limit, long offset);

    @Query("""
            select count(*) from prospect
            where (cast(:region as text) is null or region = :region)
              and (cast(:stage as text) is null or stage = :stage)
              and (cast(:source as text) is null or source = :source)""")
    long countSearch(@Nullable String region, @Nullable String stage, @Nullable String source);

    /**
     * The region's open prospects in the order to work them: primary targets first, then secondary, then the rest;
     * within each, the highest score first, then the nearest next action.
     */
    @Query("""
            select * from prospect
            where region = :region and stage not in ('CONVERTED', 'DROPPED')
            order by case target_class when 'PRIMARY' then 0 when 'SECONDARY' then 1 when 'NOT_A_TARGET' then 2 else 3 end,
                     score desc nulls last, next_action_due asc nulls last, identified_at, id""")
    List<Prospect> ranked(String region);
}
