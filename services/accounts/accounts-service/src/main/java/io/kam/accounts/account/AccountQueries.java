package io.kam.accounts.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.AccountViews;
import io.kam.accounts.api.AccountViews.AccountView;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;

/** Reads accounts for the API. */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

    private final AccountRepository accounts;
    private final HistoryRepositories.Classifications classifications;
    private final HistoryRepositories.Stages stages;
    private final JdbcClient jdbc;

    AccountQueries(AccountRepository accounts, HistoryRepositories.Classifications classifications,
                   HistoryRepositories.Stages stages, JdbcClient jdbc) {
        this.accounts = accounts;
        this.classifications = classifications;
        this.stages = stages;
        this.jdbc = jdbc;
    }

    public AccountView view(Account account) {
        return view(account, openStores(List.of(account.id())).getOrDefault(account.id(), 0L));
    }

    /** Accounts by name, filtered; {@code only} limits the result to one account (an integration tied to it). */
    public AccountViews.Page<AccountView> search(Region region, UUID only, ValueTier tier, DevelopmentStage stage, int page,
                                                 int size) {
        String r = region == null ? null : region.name();
        String t = tier == null ? null : tier.name();
        String s = stage == null ? null : stage.name();
        List<Account> found = accounts.search(r, only, t, s, size, (long) page * size);
        long total = accounts.countSearch(r, only, t, s);
        Map<UUID, Long> open = openStores(found.stream().map(Account::id).toList());
        List<AccountView> items = found.stream().map(a -> view(a, open.getOrDefault(a.id(), 0L))).toList();
        return new AccountViews.Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    public AccountViews.ClassificationView classification(Account account) {
        UUID id = account.id();
        return new AccountViews.ClassificationView(id, account.tier(), account.role(), account.version(),
                classifications.findByAccountIdOrderByChangedAt(id).stream()
                        .map(c -> new AccountViews.ClassificationChange(c.tier(), c.role(), c.previousTier(),
                                c.previousRole(), c.reason(), c.changedBy(), c.changedAt()))
                        .toList());
    }

    public AccountViews.StageView stage(Account account) {
        UUID id = account.id();
        return new AccountViews.StageView(id, account.stage(), account.version(),
                stages.findByAccountIdOrderByChangedAt(id).stream()
                        .map(c -> new AccountViews.StageChange(c.from(), c.to(), c.evidence(), c.reason(),
                                c.changedBy(), c.changedAt()))
                        .toList());
    }

    private Map<UUID, Long> openStores(List<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select account_id, count(*) from store
                        where status = 'OPEN' and account_id = any(:ids) group by account_id""")
                .param("ids", accountIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static AccountView view(Account a, long openStores) {
        return new AccountView(a.id(), a.name(), a.banner(), a.format(), a.ownership(), a.headquarters(), a.scope(),
                a.homeRegion(), a.owner(), a.status(), a.tier(), a.role(), a.stage(), openStores, a.createdAt(),
                a.updatedAt(), a.version());
    }
}
