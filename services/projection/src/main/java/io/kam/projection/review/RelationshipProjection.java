package io.kam.projection.review;

import static io.kam.projection.review.PlanProjection.utc;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.RelationshipEvents.FactorRating;
import io.kam.accounts.api.RelationshipEvents.HeatAssessed;
import io.kam.accounts.api.RelationshipEvents.WallChanged;
import io.kam.accounts.api.SwotKind;

/**
 * Writes purchase-heat assessments, relationship-wall cells and SWOT points, each keyed within the account by what
 * it describes (assessment, department and level, point), so that an event applied twice leaves the same rows.
 * Nothing derived (trend, findings, counts) is stored: the reader computes it from the rows.
 */
@Component
class RelationshipProjection {

    private final JdbcClient jdbc;

    RelationshipProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One assessment, once in the history however often it arrives; its factors are replaced as a whole. */
    void heatAssessed(HeatAssessed e) {
        jdbc.sql("""
                        insert into review_heat_assessment (account_id, assessment_id, score, assessed_by, assessed_at)
                        values (:accountId, :assessmentId, :score, :assessedBy, :assessedAt)
                        on conflict (account_id, assessment_id) do update set score = excluded.score,
                            assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at""")
                .param("accountId", e.accountId()).param("assessmentId", e.assessmentId()).param("score", e.score())
                .param("assessedBy", e.assessedBy()).param("assessedAt", utc(e.assessedAt())).update();
        jdbc.sql("delete from review_heat_factor where account_id = :accountId and assessment_id = :assessmentId")
                .param("accountId", e.accountId()).param("assessmentId", e.assessmentId()).update();
        if (e.factors() == null) {
            return;
        }
        for (FactorRating rating : e.factors()) {
            jdbc.sql("""
                            insert into review_heat_factor (account_id, assessment_id, factor, rating, note)
                            values (:accountId, :assessmentId, :factor, :rating, :note)
                            on conflict (account_id, assessment_id, factor) do update set rating = excluded.rating,
                                note = excluded.note""")
                    .param("accountId", e.accountId()).param("assessmentId", e.assessmentId())
                    .param("factor", rating.factor().name()).param("rating", rating.rating())
                    .param("note", rating.note()).update();
        }
    }

    /** The cell as its latest change (by its own time) left it, whatever order the changes arrive in. */
    void wallChanged(WallChanged e) {
        jdbc.sql("""
                        insert into review_wall_cell (account_id, department, level, strength, last_contact, changed_at)
                        values (:accountId, :department, :level, :strength, :lastContact, :changedAt)
                        on conflict (account_id, department, level) do update set strength = excluded.strength,
                            last_contact = excluded.last_contact, changed_at = excluded.changed_at
                        where excluded.changed_at >= review_wall_cell.changed_at""")
                .param("accountId", e.accountId()).param("department", e.department().name())
                .param("level", e.level().name()).param("strength", e.strength())
                .param("lastContact", e.lastContact()).param("changedAt", utc(e.changedAt())).update();
    }

    void swotPointPut(UUID accountId, UUID pointId, SwotKind kind) {
        jdbc.sql("""
                        insert into review_swot_point (account_id, point_id, kind) values (:accountId, :pointId, :kind)
                        on conflict (account_id, point_id) do update set kind = excluded.kind""")
                .param("accountId", accountId).param("pointId", pointId).param("kind", kind.name()).update();
    }

    void swotPointRemoved(UUID accountId, UUID pointId) {
        jdbc.sql("delete from review_swot_point where account_id = :accountId and point_id = :pointId")
                .param("accountId", accountId).param("pointId", pointId).update();
    }
}
