package io.kam.negotiations.negotiation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AliasMapped;
import io.kam.negotiations.api.NegotiationViews.AliasView;
import io.kam.negotiations.api.TermKind;
import io.kam.platform.domain.FieldError;
import io.kam.platform.outbox.Outbox;

/**
 * The account's alias table: each name its buyer uses for an item (bonus, gift, 周年庆…), trimmed and compared without
 * case, mapped to one canonical kind. A term under a name that is not mapped is refused until a national KA manager
 * maps it.
 */
@Component
class Aliases {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    Aliases(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How a buyer's name is compared: trimmed, inner spaces collapsed, without case. */
    static String key(String buyerName) {
        return buyerName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Maps the name (a new mapping replaces the old; the same one again changes nothing) within the caller's transaction. */
    AliasView map(UUID accountId, String buyerName, TermKind kind, @Nullable UUID negotiationId, String actor) {
        String name = buyerName.strip().replaceAll("\\s+", " ");
        Optional<TermKind> previous = kindOf(accountId, name);
        if (previous.isPresent() && previous.get() == kind) {
            return find(accountId, name).orElseThrow();
        }
        jdbc.sql("""
                        insert into term_alias (account_id, name_key, buyer_name, kind, mapped_by, mapped_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (account_id, name_key) do update set buyer_name = excluded.buyer_name,
                            kind = excluded.kind, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at""")
                .params(accountId, key(name), name, kind.name(), actor, Timestamp.from(clock.instant())).update();
        outbox.append(NegotiationEvents.CATALOG,
                new AliasMapped(accountId, negotiationId, name, kind, previous.orElse(null), actor), actor);
        return find(accountId, name).orElseThrow();
    }

    Optional<TermKind> kindOf(UUID accountId, String buyerName) {
        return jdbc.sql("select kind from term_alias where account_id = ? and name_key = ?")
                .params(accountId, key(buyerName)).query((rs, n) -> TermKind.valueOf(rs.getString(1))).optional();
    }

    List<AliasView> list(UUID accountId) {
        return jdbc.sql("select * from term_alias where account_id = ? order by kind, name_key").param(accountId)
                .query((rs, n) -> new AliasView(accountId, rs.getString("buyer_name"),
                        TermKind.valueOf(rs.getString("kind")), rs.getString("mapped_by"),
                        rs.getTimestamp("mapped_at").toInstant()))
                .list();
    }

    private Optional<AliasView> find(UUID accountId, String name) {
        return list(accountId).stream().filter(a -> key(a.buyerName()).equals(key(name))).findFirst();
    }

    /**
     * The kinds of these names (field path → buyer's name); refuses (422 {@code unmapped-term}) naming every field
     * whose name the account's table does not map.
     */
    Map<String, TermKind> resolve(UUID accountId, Map<String, String> namesByField) {
        Map<String, TermKind> table = new HashMap<>();
        jdbc.sql("select name_key, kind from term_alias where account_id = ?").param(accountId)
                .query((rs, n) -> table.put(rs.getString(1), TermKind.valueOf(rs.getString(2)))).list();
        Map<String, TermKind> kinds = new HashMap<>();
        List<FieldError> unmapped = new java.util.ArrayList<>();
        namesByField.forEach((field, name) -> {
            TermKind kind = table.get(key(name));
            if (kind == null) {
                unmapped.add(new FieldError(field, "'" + name.strip() + "' is not in the account's alias table: map it"
                        + " to a canonical kind first (PUT /api/negotiations/aliases)"));
            } else {
                kinds.put(field, kind);
            }
        });
        if (!unmapped.isEmpty()) {
            throw Refusals.unprocessable("unmapped-term", unmapped.size() == 1 ? "a term's name is not mapped"
                    : unmapped.size() + " terms' names are not mapped", unmapped);
        }
        return kinds;
    }
}
