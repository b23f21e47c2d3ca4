package io.kam.prospects.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the prospects service, published on {@code kam.prospects.v1}. A prospect is given, when it is
 * identified, the id of the account it becomes if it is converted: every prospect event is keyed by that id, so a
 * converted prospect's history and its account's events share one key and one order, and a replayed conversion can
 * never open a second account. Territory events are keyed by the territory's id ({@link Territories#id}).
 */
public final class ProspectEvents {

    public static final String SERVICE = "prospects";
    public static final String TOPIC = "kam.prospects.v1";

    private ProspectEvents() {
    }

    public sealed interface ProspectEvent extends DomainEvent
            permits ProspectIdentified, ProspectRevised, ProspectScored, ProspectStageChanged, ProspectNextActionSet,
            ProspectDropped, ProspectConverted, ScreeningCriteriaDefined {
    }

    /** The corporate information (团体客户信息要素) kept on a prospect; every field may be empty at first. */
    public record CorporateProfile(String operations, String marketSituation, BigDecimal estimatedAnnualVolume,
                                   String financialStatus, String creditStanding, String organisationAndPurchasing,
                                   String pastDealings, String developmentAssessment) {
    }

    /** What is known of a prospect: identity, corporate information, source, competitor and owner. */
    public record ProspectDetails(String companyName, RetailFormat channel, Address address, Region region,
                                  String taxId, ProspectSource source, UUID referringAccountId, String competitor,
                                  CompetitorLoyalty competitorLoyalty, String owner, CorporateProfile profile) {
    }

    /** A new prospect; {@code accountId} is the id its account will have if it is converted. */
    @EventType("kam.prospect.identified")
    public record ProspectIdentified(UUID accountId, UUID prospectId, ProspectDetails details, String identifiedBy,
                                     Instant identifiedAt) implements ProspectEvent {
    }

    @EventType("kam.prospect.revised")
    public record ProspectRevised(UUID accountId, UUID prospectId, ProspectDetails details, String revisedBy,
                                  Instant revisedAt) implements ProspectEvent {
    }

    /** One criterion's part of a score: the rating on its scale, the weight (%) and the points it adds. */
    public record CriterionScore(String key, String name, BigDecimal weight, Integer rating, int scaleMax,
                                 BigDecimal points) {
    }

    /**
     * Why a score was computed: the prospect was rated, its territory's criteria changed, or its details changed in a
     * way that moves it in the target matrix (its loyalty to the competitor).
     */
    public enum ScoreCause {
        RATED, CRITERIA_CHANGED, DETAILS_CHANGED
    }

    /**
     * A score against the territory's criteria of {@code criteriaVersion}, explained criterion by criterion. Unrated
     * criteria add no points. Every score is kept: this is its history.
     */
    @EventType("kam.prospect.scored")
    public record ProspectScored(UUID accountId, UUID prospectId, Region region, int criteriaVersion,
                                 BigDecimal score, BigDecimal qualifyingScore, boolean qualifies,
                                 TargetClass targetClass, List<CriterionScore> breakdown, ScoreCause cause,
                                 Instant scoredAt) implements ProspectEvent {
    }

    /** A move in the pipeline other than conversion and dropping (IDENTIFIED → SCREENED → DEVELOPING). */
    @EventType("kam.prospect.stage-changed")
    public record ProspectStageChanged(UUID accountId, UUID prospectId, ProspectStage from, ProspectStage to,
                                       String changedBy, Instant changedAt) implements ProspectEvent {
    }

    @EventType("kam.prospect.next-action-set")
    public record ProspectNextActionSet(UUID accountId, UUID prospectId, String action, LocalDate due, String setBy,
                                        Instant setAt) implements ProspectEvent {
    }

    @EventType("kam.prospect.dropped")
    public record ProspectDropped(UUID accountId, UUID prospectId, ProspectStage from, DropReason reason, String note,
                                  String droppedBy, Instant droppedAt) implements ProspectEvent {
    }

    /**
     * The prospect became a customer. The accounts service opens account {@code accountId} from it, with the
     * proposed tier and role; {@code overridden} says a national KA manager converted it below the qualifying score,
     * for {@code overrideReason}.
     */
    @EventType("kam.prospect.converted")
    public record ProspectConverted(UUID accountId, UUID prospectId, ProspectStage from, ProspectDetails details,
                                    BigDecimal score, BigDecimal qualifyingScore, boolean overridden,
                                    String overrideReason, ValueTier proposedTier, AccountRole proposedRole,
                                    String convertedBy, Instant convertedAt) implements ProspectEvent {
    }

    /** A criterion of a territory: its weight in percent (all weights sum to 100) and its rating scale 0..scaleMax. */
    public record Criterion(String key, String name, BigDecimal weight, int scaleMax) {
    }

    /**
     * A national KA manager defined the screening criteria (目标客户筛选准则) of a territory. Keyed by the territory
     * id, not an account. Every prospect of the region is then scored again (kam.prospect.scored, CRITERIA_CHANGED).
     */
    @EventType("kam.screening.criteria-defined")
    public record ScreeningCriteriaDefined(UUID territoryId, Region region, int version, List<Criterion> criteria,
                                           BigDecimal qualifyingScore, String definedBy, Instant definedAt)
            implements ProspectEvent {

        /** The record key: the territory's id. */
        @Override
        public UUID accountId() {
            return territoryId;
        }
    }

    /** The contract: the topic, its shape, and every {@link ProspectEvent}, found through the sealed interface. */
    public static final EventCatalog<ProspectEvent> CATALOG = EventCatalog.of(SERVICE, ProspectEvent.class);
}
