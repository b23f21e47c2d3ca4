package io.kam.projection.review;

import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.SwotKind;
import io.kam.projection.review.RelationshipViews.Swot;

/** Counts the account's SWOT points and action key points by kind. */
@Component
class SwotReader {

    private final JdbcClient jdbc;

    SwotReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Swot of(UUID accountId) {
        Map<SwotKind, Long> counts = new EnumMap<>(SwotKind.class);
        jdbc.sql("select kind, count(*) from review_swot_point where account_id = ? group by kind").param(accountId)
                .query((ResultSet rs) -> {
                    counts.put(SwotKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return new Swot(counts.getOrDefault(SwotKind.STRENGTH, 0L), counts.getOrDefault(SwotKind.WEAKNESS, 0L),
                counts.getOrDefault(SwotKind.OPPORTUNITY, 0L), counts.getOrDefault(SwotKind.THREAT, 0L),
                counts.getOrDefault(SwotKind.KEY_POINT, 0L));
    }
}
