package io.kam.negotiations.replica;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.EventEnvelope;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * The facts a term's annual cost is counted on (ADR 0012): how many of an account's stores are open, or open, during a
 * period; how many SKUs are newly listed in a year; and the approved plan's targets. Each write is idempotent, so a
 * replayed event changes nothing.
 */
@Component
public class AccountFacts {

    /** What an approved plan sets for its year: the sell-through value target and the new-listings target, or null. */
    public record PlanTargets(UUID planId, int version, @Nullable BigDecimal sellThroughValue,
                              @Nullable Integer newListings) {
    }

    private static final ZoneId ZONE = MarketCalendar.ZONE;

    private final JdbcClient jdbc;

    AccountFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(AccountEvent event) {
        switch (event) {
            case AccountOpened e -> jdbc.sql("""
                            insert into known_account (id, name) values (?, ?)
                            on conflict (id) do update set name = excluded.name""")
                    .params(e.accountId(), e.name()).update();
            case AccountUpdated e -> jdbc.sql("update known_account set name = ? where id = ?")
                    .params(e.name(), e.accountId()).update();
            case StoreOpened e -> jdbc.sql("""
                            insert into known_store (id, account_id, opening_date) values (?, ?, ?)
                            on conflict (id) do update set opening_date = excluded.opening_date""")
                    .params(e.storeId(), e.accountId(), e.openingDate()).update();
            case StoreClosed e -> jdbc.sql("update known_store set closed_on = ? where id = ?")
                    .params(e.closedOn(), e.storeId()).update();
            case PlanApproved e -> approved(e);
            default -> {
                // contacts, classification, plan drafts and actions: nothing a term's cost is counted on
            }
        }
    }

    private void approved(PlanApproved e) {
        BigDecimal sellThrough = target(e, PlanKpi.SELL_THROUGH_VALUE);
        BigDecimal listings = target(e, PlanKpi.NEW_LISTINGS);
        // A later version of the year's plan replaces an earlier one; an older one, replayed, does not.
        jdbc.sql("""
                        insert into approved_plan (account_id, year, plan_id, plan_version, sell_through_target,
                            new_listings_target)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (account_id, year) do update set plan_id = excluded.plan_id,
                            plan_version = excluded.plan_version, sell_through_target = excluded.sell_through_target,
                            new_listings_target = excluded.new_listings_target
                        where approved_plan.plan_version <= excluded.plan_version""")
                .params(e.accountId(), e.year(), e.planId(), e.version(), sellThrough,
                        listings == null ? null : listings.intValue())
                .update();
    }

    private static @Nullable BigDecimal target(PlanApproved plan, PlanKpi kpi) {
        return plan.targets().stream().filter(t -> t.kpi() == kpi).map(Target::value).findFirst().orElse(null);
    }

    void apply(EventEnvelope envelope, VisitEvent event) {
        switch (event) {
            case SkuListed e -> jdbc.sql("""
                            insert into known_listing (account_id, gtin, first_listed, listed) values (?, ?, ?, true)
                            on conflict (account_id, gtin) do update set listed = true,
                                first_listed = least(known_listing.first_listed, excluded.first_listed)""")
                    .params(e.accountId(), e.gtin(), LocalDate.ofInstant(envelope.time(), ZONE)).update();
            case SkuDelisted e -> jdbc.sql("update known_listing set listed = false where account_id = ? and gtin = ?")
                    .params(e.accountId(), e.gtin()).update();
            default -> {
                // visits, store checks, complaints: nothing a term's cost is counted on
            }
        }
    }

    public boolean accountExists(UUID accountId) {
        return jdbc.sql("select count(*) from known_account where id = ?").param(accountId).query(Long.class).single() > 0;
    }

    public Optional<String> accountName(UUID accountId) {
        return jdbc.sql("select name from known_account where id = ?").param(accountId).query(String.class).optional();
    }

    /**
     * The account's stores open on at least one day from {@code from} to {@code to}: those a per-store fee is paid
     * for. A store announced without its opening day has been open all along.
     */
    public long storesOpenDuring(UUID accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) from known_store where account_id = ?
                            and (opening_date is null or opening_date <= ?)
                            and (closed_on is null or closed_on >= ?)""")
                .params(accountId, to, from).query(Long.class).single();
    }

    /**
     * The account's stores whose opening date falls from {@code from} to {@code to}: those a new-store fee is paid
     * for. A store without an opening day is not a new one.
     */
    public long storesOpeningDuring(UUID accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from known_store where account_id = ? and opening_date between ? and ?")
                .params(accountId, from, to).query(Long.class).single();
    }

    /** The SKUs first listed for the account from {@code from} to {@code to}. */
    public long listingsDuring(UUID accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from known_listing where account_id = ? and first_listed between ? and ?")
                .params(accountId, from, to).query(Long.class).single();
    }

    public Optional<PlanTargets> plan(UUID accountId, int year) {
        return jdbc.sql("""
                        select plan_id, plan_version, sell_through_target, new_listings_target from approved_plan
                        where account_id = ? and year = ?""")
                .params(accountId, year)
                .query((rs, n) -> new PlanTargets(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBigDecimal(3),
                        (Integer) rs.getObject(4)))
                .optional();
    }
}
