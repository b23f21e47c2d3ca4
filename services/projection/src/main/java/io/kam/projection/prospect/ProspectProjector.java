package io.kam.projection.prospect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectEvents.ProspectDropped;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectEvents.ProspectIdentified;
import io.kam.prospects.api.ProspectEvents.ProspectNextActionSet;
import io.kam.prospects.api.ProspectEvents.ProspectRevised;
import io.kam.prospects.api.ProspectEvents.ProspectScored;
import io.kam.prospects.api.ProspectEvents.ProspectStageChanged;
import io.kam.prospects.api.ProspectEvents.ScreeningCriteriaDefined;
import io.kam.prospects.api.ProspectStage;

/**
 * Applies one prospect event to the pipeline tables, inside the transaction that records it as processed. Every write
 * is keyed by what it describes (the prospect; a stay by its stage and when it began), and details are kept as their
 * latest version by its own time, so an event applied twice, published twice or arriving late leaves the same rows.
 * Scores, next actions and screening criteria have no part in the pipeline or the review: they are only recorded as
 * processed.
 */
@Component
class ProspectProjector {

    /** Stays that begin at the same instant follow the pipeline's order. */
    private static final String STAGE_ORDER = "array_position(array['IDENTIFIED','SCREENED','DEVELOPING','CONVERTED','DROPPED'], stage)";

    private final JdbcClient jdbc;

    ProspectProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(ProspectEvent event) {
        switch (event) {
            case ProspectIdentified e -> {
                details(e.prospectId(), e.accountId(), e.details(), e.identifiedAt());
                jdbc.sql("update prospect set identified_at = :at where prospect_id = :prospectId")
                        .param("at", utc(e.identifiedAt())).param("prospectId", e.prospectId()).update();
                entered(e.prospectId(), ProspectStage.IDENTIFIED, e.identifiedAt());
            }
            case ProspectRevised e -> details(e.prospectId(), e.accountId(), e.details(), e.revisedAt());
            case ProspectStageChanged e -> {
                know(e.prospectId(), e.accountId());
                entered(e.prospectId(), e.to(), e.changedAt());
            }
            case ProspectDropped e -> {
                know(e.prospectId(), e.accountId());
                entered(e.prospectId(), ProspectStage.DROPPED, e.droppedAt());
            }
            case ProspectConverted e -> {
                details(e.prospectId(), e.accountId(), e.details(), e.convertedAt());
                jdbc.sql("""
                                update prospect set converted_at = :at, converted_by = :by, score = :score,
                                    qualifying_score = :qualifying, overridden = :overridden
                                where prospect_id = :prospectId""")
                        .param("at", utc(e.convertedAt())).param("by", e.convertedBy()).param("score", e.score())
                        .param("qualifying", e.qualifyingScore()).param("overridden", e.overridden())
                        .param("prospectId", e.prospectId()).update();
                entered(e.prospectId(), ProspectStage.CONVERTED, e.convertedAt());
            }
            case ProspectScored e -> {
                // the pipeline counts stages, not scores; the score that matters to an account is the conversion's
            }
            case ProspectNextActionSet e -> {
                // recorded as processed: the pipeline has no next actions
            }
            case ScreeningCriteriaDefined e -> {
                // recorded as processed: a territory's criteria are the prospects service's concern
            }
        }
    }

    /** Makes sure the prospect is known, by its ids alone if its identification was not seen yet. */
    private void know(UUID prospectId, UUID accountId) {
        jdbc.sql("insert into prospect (prospect_id, account_id) values (:prospectId, :accountId) on conflict do nothing")
                .param("prospectId", prospectId).param("accountId", accountId).update();
    }

    /** The details as of {@code at}, unless the prospect holds later ones already. */
    private void details(UUID prospectId, UUID accountId, @Nullable ProspectDetails d, Instant at) {
        know(prospectId, accountId);
        if (d == null) {
            return;
        }
        jdbc.sql("""
                        update prospect set company_name = :company, region = :region, source = :source,
                            referring_account_id = :referrer, owner = :owner, details_at = :at
                        where prospect_id = :prospectId and (details_at is null or details_at <= :at)""")
                .param("company", d.companyName()).param("region", name(d.region())).param("source", name(d.source()))
                .param("referrer", d.referringAccountId()).param("owner", d.owner()).param("at", utc(at))
                .param("prospectId", prospectId).update();
    }

    /**
     * The prospect entered the stage at {@code at}. Each stay then ends when the next one (by time) begins, so stays
     * come out the same whatever order their events arrive in.
     */
    private void entered(UUID prospectId, ProspectStage stage, Instant at) {
        jdbc.sql("""
                        insert into prospect_stage_stay (prospect_id, stage, entered_at) values (:prospectId, :stage, :at)
                        on conflict do nothing""")
                .param("prospectId", prospectId).param("stage", stage.name()).param("at", utc(at)).update();
        jdbc.sql("""
                        update prospect_stage_stay s set left_at = n.next_at
                        from (select stage, entered_at,
                                     lead(entered_at) over (order by entered_at, %s) as next_at
                              from prospect_stage_stay where prospect_id = :prospectId) n
                        where s.prospect_id = :prospectId and s.stage = n.stage and s.entered_at = n.entered_at
                          and s.left_at is distinct from n.next_at""".formatted(STAGE_ORDER))
                .param("prospectId", prospectId).update();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
