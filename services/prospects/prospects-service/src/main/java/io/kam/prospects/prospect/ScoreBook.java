package io.kam.prospects.prospect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.events.Actor;
import io.kam.prospects.api.ProspectEvents.CriterionScore;
import io.kam.prospects.api.ProspectEvents.ProspectScored;
import io.kam.prospects.api.ProspectEvents.ScoreCause;
import io.kam.prospects.api.ProspectViews.ScoreView;
import io.kam.prospects.api.TargetClass;
import io.kam.prospects.screening.ScreeningCriteria;

/** A prospect's ratings by criterion key, and every score it was given with its explanation. */
@Component
public class ScoreBook {

    private final JdbcClient jdbc;

    ScoreBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> ratings(UUID prospectId) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        jdbc.sql("select key, rating from prospect_rating where prospect_id = ? order by key").param(prospectId)
                .query(rs -> {
                    ratings.put(rs.getString(1), rs.getInt(2));
                });
        return ratings;
    }

    public void rate(UUID prospectId, Map<String, Integer> ratings, Actor actor, Instant now) {
        ratings.forEach((key, rating) -> jdbc.sql("""
                        insert into prospect_rating (id, prospect_id, key, rating, rated_by, rated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (prospect_id, key) do update
                        set rating = excluded.rating, rated_by = excluded.rated_by, rated_at = excluded.rated_at""")
                .params(UUID.randomUUID(), prospectId, key, rating, actor.name(), utc(now)).update());
    }

    /** Keeps a score in the history and returns its event. */
    public ProspectScored record(Prospect prospect, ScreeningCriteria criteria, ScreeningCriteria.Score score,
                                 ScoreCause cause, Instant now) {
        UUID scoreId = UUID.randomUUID();
        jdbc.sql("""
                        insert into prospect_score (id, prospect_id, region, criteria_version, score, qualifying_score,
                                                    qualifies, target_class, cause, scored_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(scoreId, prospect.id(), criteria.region().name(), criteria.version(), score.score(),
                        criteria.qualifyingScore(), score.qualifies(), score.targetClass().name(), cause.name(), utc(now))
                .update();
        List<CriterionScore> lines = score.breakdown();
        for (int i = 0; i < lines.size(); i++) {
            CriterionScore line = lines.get(i);
            jdbc.sql("""
                            insert into prospect_score_line (id, score_id, position, key, name, weight, rating, scale_max, points)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), scoreId, i, line.key(), line.name(), line.weight(), line.rating(),
                            line.scaleMax(), line.points())
                    .update();
        }
        return new ProspectScored(prospect.accountId(), prospect.id(), criteria.region(), criteria.version(),
                score.score(), criteria.qualifyingScore(), score.qualifies(), score.targetClass(), lines, cause, now);
    }

    /** The latest score of the prospect, if it has one. */
    public java.util.Optional<ScoreView> latest(UUID prospectId) {
        return scores(prospectId, 1).stream().findFirst();
    }

    /** Every score of the prospect, newest first. */
    public List<ScoreView> history(UUID prospectId) {
        return scores(prospectId, Integer.MAX_VALUE);
    }

    private List<ScoreView> scores(UUID prospectId, int limit) {
        record Row(UUID id, ScoreView view) {
        }
        List<Row> rows = jdbc.sql("""
                        select id, score, qualifying_score, qualifies, target_class, criteria_version, cause, scored_at
                        from prospect_score where prospect_id = ? order by seq desc limit ?""")
                .params(prospectId, limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), new ScoreView(rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBoolean(4), TargetClass.valueOf(rs.getString(5)), rs.getInt(6),
                        List.of(), ScoreCause.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class).toInstant())))
                .list();
        return rows.stream().map(row -> withLines(row.id(), row.view())).toList();
    }

    private ScoreView withLines(UUID scoreId, ScoreView view) {
        List<CriterionScore> lines = jdbc.sql("""
                        select key, name, weight, rating, scale_max, points from prospect_score_line
                        where score_id = ? order by position""")
                .param(scoreId)
                .query((rs, n) -> new CriterionScore(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        (Integer) rs.getObject(4), rs.getInt(5), rs.getBigDecimal(6)))
                .list();
        return new ScoreView(view.score(), view.qualifyingScore(), view.qualifies(), view.targetClass(),
                view.criteriaVersion(), lines, view.cause(), view.scoredAt());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
