package io.kam.projection.scope;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.events.Actor;

/**
 * The accounts a caller may see, among those the reviews know (opened on {@code kam.accounts.v1}). A national KA manager,
 * and an integration not tied to a retailer, sees every one; an integration tied to a retailer (its {@code retailer}
 * claim) that account only; a regional coordinator the accounts present in their region: at home there, or with an
 * open store there. Outside, an account does not exist for the caller, so that its existence does not leak.
 */
@Component
public class VisibleAccounts {

    private final JdbcClient jdbc;

    VisibleAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the reviews know the account and the caller may see it. */
    public boolean visibleTo(Actor caller, UUID accountId) {
        return !visibleTo(caller, List.of(accountId)).isEmpty();
    }

    /**
     * Those of the accounts that the reviews know and the caller may see.
     *
     * @throws io.kam.platform.web.ApiProblem.Forbidden for a coordinator without a sales region, or an integration whose
     *                                                  retailer claim is not an account id ({@link DataScope})
     */
    public Set<UUID> visibleTo(Actor caller, Collection<UUID> accountIds) {
        Optional<Region> region = DataScope.region(caller, Region.class);
        Optional<UUID> only = DataScope.account(caller);
        List<UUID> asked = accountIds.stream().distinct()
                .filter(account -> only.map(account::equals).orElse(true)).toList();
        if (asked.isEmpty()) {
            return Set.of();
        }
        if (region.isEmpty()) {
            return new HashSet<>(jdbc.sql("select account_id from review_account where account_id in (:accounts)")
                    .param("accounts", asked).query(UUID.class).list());
        }
        return new HashSet<>(jdbc.sql("""
                        select a.account_id from review_account a
                        where a.account_id in (:accounts)
                          and (a.home_region = :region
                               or exists (select 1 from review_store s
                                          where s.account_id = a.account_id and s.region = :region and s.open))""")
                .param("accounts", asked).param("region", region.get().name()).query(UUID.class).list());
    }
}
