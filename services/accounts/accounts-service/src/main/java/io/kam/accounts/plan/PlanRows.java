package io.kam.accounts.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanStatus;
import io.kam.accounts.api.Region;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The tables of plans and their repositories; only {@link PlanStore} uses them. */
final class PlanRows {

    private PlanRows() {
    }

    @MappedEntity("business_plan")
    record PlanRow(@Id UUID id, UUID accountId, int year, String createdBy, Instant createdAt) {
    }

    @MappedEntity("plan_version")
    record VersionRow(@Id UUID id, UUID planId, int number, PlanStatus status, @Nullable Integer revisionOf,
                      String author, Instant createdAt, Instant updatedAt, @Nullable String submittedBy,
                      @Nullable Instant submittedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                      @Nullable String returnComment, String dependsOn, @Nullable @Version Long version) {
    }

    @MappedEntity("plan_target")
    record TargetRow(@Id UUID id, UUID versionId, PlanKpi kpi, BigDecimal value, @Nullable BigDecimal baseline) {
    }

    @MappedEntity("plan_phase")
    record PhaseRow(@Id UUID id, UUID versionId, int month, BigDecimal value) {
    }

    @MappedEntity("plan_action_item")
    record ItemRow(@Id UUID id, UUID versionId, UUID itemId, int position, String what, String owner, LocalDate due,
                   @Nullable Region region, @Nullable PlanKpi servesKpi, @Nullable UUID servesSwotPoint,
                   @Nullable @Version Long version) {
    }

    @MappedEntity("plan_action_progress")
    record ProgressRow(@Id UUID id, UUID planId, UUID itemId, ActionStatus status, @Nullable String note,
                       String changedBy, Instant changedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Plans extends CrudRepository<PlanRow, UUID> {
        Optional<PlanRow> findByAccountIdAndYear(UUID accountId, int year);

        List<PlanRow> findByAccountIdOrderByYearDesc(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Versions extends CrudRepository<VersionRow, UUID> {
        Optional<VersionRow> findByPlanIdAndNumber(UUID planId, int number);

        List<VersionRow> findByPlanIdOrderByNumber(UUID planId);

        @Query("select * from plan_version where plan_id = :planId order by number desc limit 1")
        Optional<VersionRow> findLatest(UUID planId);

        @Query("select * from plan_version where plan_id = :planId and status = 'APPROVED' order by number desc limit 1")
        Optional<VersionRow> findInForce(UUID planId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Targets extends CrudRepository<TargetRow, UUID> {
        List<TargetRow> findByVersionIdOrderByKpi(UUID versionId);

        void deleteByVersionId(UUID versionId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Phases extends CrudRepository<PhaseRow, UUID> {
        List<PhaseRow> findByVersionIdOrderByMonth(UUID versionId);

        void deleteByVersionId(UUID versionId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Items extends CrudRepository<ItemRow, UUID> {
        List<ItemRow> findByVersionIdOrderByPosition(UUID versionId);

        @Query("""
                select exists (select 1 from plan_action_item i join plan_version v on v.id = i.version_id
                               where v.plan_id = :planId and i.item_id = :itemId)""")
        boolean existsInPlan(UUID planId, UUID itemId);

        /** The region an item has in the plan's latest version that holds it. */
        @Query("""
                select i.* from plan_action_item i join plan_version v on v.id = i.version_id
                where v.plan_id = :planId and i.item_id = :itemId order by v.number desc limit 1""")
        Optional<ItemRow> findLatestOf(UUID planId, UUID itemId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Progress extends CrudRepository<ProgressRow, UUID> {
        @Query("""
                select distinct on (item_id) * from plan_action_progress where plan_id = :planId
                order by item_id, seq desc""")
        List<ProgressRow> findLatestOfPlan(UUID planId);
    }
}
