package io.kam.projection.prospect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.projection.prospect.Origin.ReferralLink;
import io.kam.prospects.api.ProspectSource;

/** Reads the origin of an account converted from a prospect, in the caller's transaction (the review's snapshot). */
@Component
public class OriginReader {

    /** The longest referral chain shown. */
    static final int MAX_LINKS = 10;

    private final JdbcClient jdbc;

    OriginReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null for an account that was not converted from a prospect. */
    public @Nullable Origin of(UUID accountId) {
        Optional<Converted> converted = converted(accountId);
        if (converted.isEmpty()) {
            return null;
        }
        Converted c = converted.get();
        return new Origin(c.prospectId(), c.source(), c.identifiedAt(), c.convertedAt(), c.convertedBy(), c.score(),
                c.overridden(), c.referrer(), chain(accountId, c.referrer()));
    }

    /**
     * Follows the referrals back from the referring account: each link's referrer is the referrer of the prospect
     * that became it, if it was one.
     */
    private List<ReferralLink> chain(UUID accountId, @Nullable UUID referrer) {
        List<ReferralLink> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(accountId));
        UUID next = referrer;
        while (next != null && chain.size() < MAX_LINKS && seen.add(next)) {
            chain.add(new ReferralLink(next, name(next)));
            next = converted(next).map(Converted::referrer).orElse(null);
        }
        return chain;
    }

    private @Nullable String name(UUID accountId) {
        return jdbc.sql("select name from review_account where account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null);
    }

    /** The prospect converted into the account; the latest conversion, should there ever be two. */
    private Optional<Converted> converted(UUID accountId) {
        return jdbc.sql("""
                        select prospect_id, source, identified_at, converted_at, converted_by, score, overridden,
                               referring_account_id
                        from prospect where account_id = ? and converted_at is not null
                        order by converted_at desc, prospect_id limit 1""")
                .param(accountId).query(OriginReader::converted).optional();
    }

    private static Converted converted(ResultSet rs, int row) throws SQLException {
        String source = rs.getString("source");
        OffsetDateTime identified = rs.getObject("identified_at", OffsetDateTime.class);
        return new Converted(rs.getObject("prospect_id", UUID.class), source == null ? null : ProspectSource.valueOf(source),
                identified == null ? null : identified.toInstant(),
                rs.getObject("converted_at", OffsetDateTime.class).toInstant(), rs.getString("converted_by"),
                rs.getBigDecimal("score"), rs.getBoolean("overridden"), rs.getObject("referring_account_id", UUID.class));
    }

    private record Converted(UUID prospectId, @Nullable ProspectSource source, @Nullable Instant identifiedAt,
                             Instant convertedAt, @Nullable String convertedBy, @Nullable BigDecimal score,
                             boolean overridden, @Nullable UUID referrer) {
    }
}
