package io.kam.projection.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.HeatTrend;
import io.kam.projection.review.RelationshipViews.Factor;
import io.kam.projection.review.RelationshipViews.Heat;
import io.kam.projection.review.RelationshipViews.Point;

/**
 * Reads purchase heat: the history ordered by when each assessment was made (not by when it arrived), the latest
 * one's factors, and the trend computed over that history, so that any delivery order gives the same answer.
 */
@Component
class HeatReader {

    private final JdbcClient jdbc;

    HeatReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the account was never assessed. */
    @Nullable Heat of(UUID accountId) {
        List<Assessment> history = jdbc.sql("""
                        select assessment_id, score, assessed_by, assessed_at from review_heat_assessment
                        where account_id = ? order by assessed_at, assessment_id""")
                .param(accountId)
                .query((rs, row) -> new Assessment(rs.getObject("assessment_id", UUID.class), rs.getInt("score"),
                        rs.getString("assessed_by"), rs.getObject("assessed_at", OffsetDateTime.class)))
                .list();
        if (history.isEmpty()) {
            return null;
        }
        Assessment latest = history.getLast();
        List<Factor> factors = jdbc.sql("""
                        select factor, rating, note from review_heat_factor where account_id = ? and assessment_id = ?""")
                .params(accountId, latest.id())
                .query((rs, row) -> new Factor(HeatFactor.valueOf(rs.getString("factor")), rs.getInt("rating"),
                        rs.getString("note")))
                .list().stream().sorted((a, b) -> a.factor().compareTo(b.factor())).toList();
        return new Heat(latest.score(), HeatTrend.of(history.stream().map(Assessment::score).toList()), factors,
                latest.by(), latest.at().toInstant(),
                history.stream().map(a -> new Point(a.score(), a.at().toInstant())).toList());
    }

    private record Assessment(UUID id, int score, @Nullable String by, OffsetDateTime at) {
    }
}
