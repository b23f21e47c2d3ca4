package io.kam.promotions.promotion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionEvents.Warning;
import io.kam.promotions.api.PromotionStatus;
import io.kam.promotions.api.PromotionViews.Agreement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promotions and the slots they hold (each SKU in each store over the in-store period), in PostgreSQL. The terms
 * are kept as JSON, as they travel in the events; what queries filter on has a column of its own.
 */
@Component
class PromotionStore {

    /** Another promotion that holds the same SKU in the same store over an overlapping in-store period. */
    record Clash(UUID promotionId, String name, UUID storeId, String gtin, LocalDate from, LocalDate to) {
    }

    private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<SettledFee>> SETTLED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PromotionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serialises the changes to one account's promotions until the transaction ends, so that two proposals of the
     * same SKU in the same store cannot both pass the clash check.
     */
    void lockAccount(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(? as text), 0))").param(accountId)
                .query((rs, n) -> 1).list();
    }

    Optional<Promotion> find(UUID id) {
        return jdbc.sql("select * from promotion where id = ?").param(id).query(this::row).optional();
    }

    Optional<Promotion> findForUpdate(UUID id) {
        return jdbc.sql("select * from promotion where id = ? for update").param(id).query(this::row).optional();
    }

    Promotion insert(Promotion p) {
        jdbc.sql("""
                        insert into promotion (id, account_id, name, status, revision, terms, in_store_from, in_store_to,
                            author, editors, last_editor, proposed_by, approved_by, fund_id, committed_spend, agreement,
                            status_reason, warnings, settled_fees, evaluation, regions, updated_at, version)
                        values (:id, :account, :name, :status, :revision, cast(:terms as jsonb), :from, :to, :author,
                            cast(:editors as text[]), :lastEditor, :proposedBy, :approvedBy, :fundId, :committed,
                            cast(:agreement as jsonb), :reason, cast(:warnings as jsonb), cast(:settled as jsonb),
                            :evaluation, cast(:regions as text[]), :updatedAt, 0)""")
                .params(parameters(p)).update();
        replaceSlots(p);
        return p;
    }

    /** Saves the new state of a promotion read (and locked) in this transaction; its version moves on by one. */
    Promotion update(Promotion p) {
        jdbc.sql("""
                        update promotion set name = :name, status = :status, revision = :revision,
                            terms = cast(:terms as jsonb), in_store_from = :from, in_store_to = :to, editors = cast(:editors as text[]),
                            last_editor = :lastEditor, proposed_by = :proposedBy, approved_by = :approvedBy,
                            fund_id = :fundId, committed_spend = :committed,
                            agreement = cast(:agreement as jsonb), status_reason = :reason,
                            warnings = cast(:warnings as jsonb), settled_fees = cast(:settled as jsonb),
                            evaluation = :evaluation, regions = cast(:regions as text[]), updated_at = :updatedAt,
                            version = version + 1
                        where id = :id and version = :version""")
                .params(parameters(p)).update();
        replaceSlots(p);
        return find(p.id()).orElseThrow();
    }

    /** The first clash of these terms with another promotion of the account that holds its slots, if any. */
    Optional<Clash> firstClash(UUID accountId, UUID promotionId, Terms terms) {
        return jdbc.sql("""
                        select s.promotion_id, p.name, s.store_id, s.gtin, s.in_store_from, s.in_store_to
                        from promotion_slot s join promotion p on p.id = s.promotion_id
                        where s.account_id = :account and s.promotion_id <> :self
                          and s.store_id = any(cast(:stores as uuid[])) and s.gtin = any(cast(:gtins as text[]))
                          and s.in_store_from <= :to and s.in_store_to >= :from
                        order by s.in_store_from, s.promotion_id, s.store_id, s.gtin
                        limit 1""")
                .param("account", accountId).param("self", promotionId)
                .param("stores", terms.storeIds().stream().map(UUID::toString).toArray(String[]::new))
                .param("gtins", terms.skus().stream().map(PromotedSku::gtin).toArray(String[]::new))
                .param("from", terms.inStore().from()).param("to", terms.inStore().to())
                .query((rs, n) -> new Clash(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .optional();
    }

    /** Other promotions of the same categories in some of the same stores over an overlapping period. */
    List<Warning> sameCategoryOverlaps(UUID accountId, UUID promotionId, Terms terms) {
        return jdbc.sql("""
                        select s.promotion_id, p.name, s.category, count(distinct s.store_id) as stores,
                            min(s.in_store_from) as from_day, max(s.in_store_to) as to_day
                        from promotion_slot s join promotion p on p.id = s.promotion_id
                        where s.account_id = :account and s.promotion_id <> :self
                          and s.store_id = any(cast(:stores as uuid[])) and s.category = any(cast(:categories as text[]))
                          and s.in_store_from <= :to and s.in_store_to >= :from
                        group by s.promotion_id, p.name, s.category
                        order by min(s.in_store_from), s.promotion_id, s.category""")
                .param("account", accountId).param("self", promotionId)
                .param("stores", terms.storeIds().stream().map(UUID::toString).toArray(String[]::new))
                .param("categories", terms.skus().stream().map(PromotedSku::category).distinct().toArray(String[]::new))
                .param("from", terms.inStore().from()).param("to", terms.inStore().to())
                .query((rs, n) -> new Warning("same-category-overlap", rs.getString("name") + " promotes "
                        + rs.getString("category") + " in " + rs.getLong("stores") + " of these stores from "
                        + rs.getObject("from_day", LocalDate.class) + " to " + rs.getObject("to_day", LocalDate.class),
                        rs.getObject("promotion_id", UUID.class)))
                .list();
    }

    /** Keeps a promotion's latest evaluation, as its event tells it. */
    void saveEvaluation(PromotionEvaluated outcome) {
        jdbc.sql("update promotion set evaluated = cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(outcome), outcome.promotionId()).update();
    }

    /** Marks an evaluated promotion for another evaluation, unless it is marked already. */
    void evaluationDue(UUID id, EvaluationTrigger trigger, Instant now) {
        jdbc.sql("insert into evaluation_due (promotion_id, trigger, since) values (?, ?, ?) on conflict do nothing")
                .params(id, trigger.name(), Timestamp.from(now)).update();
    }

    /** A promotion's latest evaluation; empty before the first. */
    Optional<PromotionEvaluated> latestEvaluation(UUID id) {
        return jdbc.sql("select evaluated from promotion where id = ? and evaluated is not null").param(id)
                .query(String.class).optional().map(this::evaluationOf);
    }

    PromotionEvaluated evaluationOf(String json) {
        return this.json.readValue(json, PromotionEvaluated.class);
    }

    /**
     * Other promotions of the same SKU in the same store that end fewer than {@code minimumGapDays} days before these
     * terms start, or start fewer than that after they end (the gap is the days between the two in-store periods).
     */
    List<Warning> tooShortGaps(UUID accountId, UUID promotionId, Terms terms, int minimumGapDays) {
        if (minimumGapDays <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.promotion_id, p.name, s.gtin, count(distinct s.store_id) as stores,
                            min(greatest(:from - s.in_store_to, s.in_store_from - :to) - 1) as gap
                        from promotion_slot s join promotion p on p.id = s.promotion_id
                        where s.account_id = :account and s.promotion_id <> :self
                          and s.store_id = any(cast(:stores as uuid[])) and s.gtin = any(cast(:gtins as text[]))
                          and ((s.in_store_to < :from and s.in_store_to >= :from - :gapDays)
                            or (s.in_store_from > :to and s.in_store_from <= :to + :gapDays))
                        group by s.promotion_id, p.name, s.gtin
                        order by min(s.in_store_from), s.promotion_id, s.gtin""")
                .param("account", accountId).param("self", promotionId)
                .param("stores", terms.storeIds().stream().map(UUID::toString).toArray(String[]::new))
                .param("gtins", terms.skus().stream().map(PromotedSku::gtin).toArray(String[]::new))
                .param("from", terms.inStore().from()).param("to", terms.inStore().to()).param("gapDays", minimumGapDays)
                .query((rs, n) -> new Warning("minimum-gap", rs.getString("name") + " promotes " + rs.getString("gtin")
                        + " in " + rs.getLong("stores") + " of these stores with " + rs.getInt("gap")
                        + " day(s) between the two, fewer than the account's minimum of " + minimumGapDays,
                        rs.getObject("promotion_id", UUID.class)))
                .list();
    }

    /** The promotions the calendar moves on this day: agreed ones whose period has begun, running or agreed ones over. */
    List<UUID> dueOn(LocalDate today) {
        return jdbc.sql("""
                        select id from promotion
                        where (status = 'AGREED' and in_store_from <= :today)
                           or (status = 'RUNNING' and in_store_to < :today)
                        order by in_store_from, id""")
                .param("today", today).query(UUID.class).list();
    }

    /**
     * The promotions matching the filters (each may be null: any), soonest first. {@code agreedOnly} keeps those the
     * retailer confirmed; {@code region} those with a store in that region.
     */
    List<Promotion> search(@Nullable UUID accountId, @Nullable PromotionStatus status, @Nullable Region region,
                           @Nullable String gtin, @Nullable LocalDate from, @Nullable LocalDate to, boolean agreedOnly,
                           int limit, long offset) {
        return jdbc.sql("select * from promotion where " + FILTER + " order by in_store_from, id limit :limit offset :offset")
                .params(filters(accountId, status, region, gtin, from, to, agreedOnly))
                .param("limit", limit).param("offset", offset).query(this::row).list();
    }

    /** Every promotion matching the filters, soonest first, read a page at a time so that none is left out. */
    List<Promotion> searchAll(@Nullable UUID accountId, @Nullable Region region, @Nullable LocalDate from,
                              @Nullable LocalDate to, boolean agreedOnly) {
        List<Promotion> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Promotion> batch = search(accountId, null, region, null, from, to, agreedOnly, 500, (long) page * 500);
            all.addAll(batch);
            if (batch.size() < 500) {
                return all;
            }
        }
    }

    long count(@Nullable UUID accountId, @Nullable PromotionStatus status, @Nullable Region region, @Nullable String gtin,
               @Nullable LocalDate from, @Nullable LocalDate to, boolean agreedOnly) {
        return jdbc.sql("select count(*) from promotion where " + FILTER)
                .params(filters(accountId, status, region, gtin, from, to, agreedOnly)).query(Long.class).single();
    }

    private static final String FILTER = """
            (cast(:account as uuid) is null or account_id = :account)
              and (cast(:status as text) is null or status = :status)
              and (cast(:region as text) is null or :region = any(regions))
              and (cast(:gtin as text) is null or exists (select 1 from promotion_slot s
                       where s.promotion_id = promotion.id and s.gtin = :gtin))
              and (cast(:from as date) is null or in_store_to >= :from)
              and (cast(:to as date) is null or in_store_from <= :to)
              and (not :agreedOnly or status in ('AGREED', 'RUNNING', 'ENDED', 'EVALUATED'))""";

    private static java.util.Map<String, Object> filters(@Nullable UUID accountId, @Nullable PromotionStatus status,
            @Nullable Region region, @Nullable String gtin, @Nullable LocalDate from, @Nullable LocalDate to,
            boolean agreedOnly) {
        var filters = new java.util.HashMap<String, Object>();
        filters.put("account", accountId);
        filters.put("status", status == null ? null : status.name());
        filters.put("region", region == null ? null : region.name());
        filters.put("gtin", gtin);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("agreedOnly", agreedOnly);
        return filters;
    }

    private void replaceSlots(Promotion p) {
        jdbc.sql("delete from promotion_slot where promotion_id = ?").param(p.id()).update();
        if (!p.status().holdsItsSlots()) {
            return;
        }
        jdbc.sql("""
                        insert into promotion_slot (promotion_id, account_id, store_id, gtin, category, in_store_from,
                            in_store_to)
                        select :id, :account, store, sku.gtin, sku.category, :from, :to
                        from unnest(cast(:stores as uuid[])) as store,
                             unnest(cast(:gtins as text[]), cast(:categories as text[])) as sku (gtin, category)""")
                .param("id", p.id()).param("account", p.accountId())
                .param("stores", p.terms().storeIds().stream().map(UUID::toString).toArray(String[]::new))
                .param("gtins", p.terms().skus().stream().map(PromotedSku::gtin).toArray(String[]::new))
                .param("categories", p.terms().skus().stream().map(PromotedSku::category).toArray(String[]::new))
                .param("from", p.terms().inStore().from()).param("to", p.terms().inStore().to()).update();
    }

    private java.util.Map<String, Object> parameters(Promotion p) {
        var values = new java.util.HashMap<String, Object>();
        values.put("id", p.id());
        values.put("account", p.accountId());
        values.put("name", p.terms().name());
        values.put("status", p.status().name());
        values.put("revision", p.revision());
        values.put("terms", json.writeValueAsString(p.terms()));
        values.put("from", p.terms().inStore().from());
        values.put("to", p.terms().inStore().to());
        values.put("author", p.author());
        values.put("editors", p.editors().toArray(String[]::new));
        values.put("lastEditor", p.lastEditor());
        values.put("proposedBy", p.proposedBy());
        values.put("approvedBy", p.approvedBy());
        values.put("fundId", p.fundId());
        values.put("committed", p.committedSpend());
        values.put("agreement", p.agreement() == null ? null : json.writeValueAsString(p.agreement()));
        values.put("reason", p.statusReason());
        values.put("warnings", json.writeValueAsString(p.warnings()));
        values.put("settled", p.settledFees() == null ? null : json.writeValueAsString(p.settledFees()));
        values.put("evaluation", p.evaluation());
        values.put("regions", p.regions().stream().map(Region::name).toArray(String[]::new));
        values.put("updatedAt", Timestamp.from(p.updatedAt()));
        values.put("version", p.version());
        return values;
    }

    private Promotion row(ResultSet rs, int n) throws SQLException {
        String agreement = rs.getString("agreement");
        String settled = rs.getString("settled_fees");
        return new Promotion(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                PromotionStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
                json.readValue(rs.getString("terms"), Terms.class),
                Arrays.stream(strings(rs.getArray("regions"))).map(Region::valueOf).toList(),
                rs.getString("author"), List.of(strings(rs.getArray("editors"))), rs.getString("last_editor"),
                rs.getString("proposed_by"), rs.getString("approved_by"), rs.getObject("fund_id", UUID.class),
                rs.getBigDecimal("committed_spend"),
                agreement == null ? null : json.readValue(agreement, Agreement.class), rs.getString("status_reason"),
                json.readValue(rs.getString("warnings"), WARNINGS),
                settled == null ? null : json.readValue(settled, SETTLED), rs.getInt("evaluation"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
