package io.kam.prospects.prospect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.DropReason;
import io.kam.prospects.api.ProspectEvents.CorporateProfile;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectEvents.ProspectDropped;
import io.kam.prospects.api.ProspectEvents.ProspectIdentified;
import io.kam.prospects.api.ProspectEvents.ProspectNextActionSet;
import io.kam.prospects.api.ProspectEvents.ProspectRevised;
import io.kam.prospects.api.ProspectEvents.ProspectStageChanged;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import io.kam.prospects.api.TargetClass;
import io.kam.prospects.screening.ScreeningCriteria;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A prospect: a retailer or distributor we are trying to win, the aggregate that decides every change in its
 * pipeline (IDENTIFIED → SCREENED → DEVELOPING → CONVERTED or DROPPED) and returns the event it caused.
 */
@MappedEntity("prospect")
public record Prospect(
        @Id UUID id, UUID accountId, String companyName, String nameKey, RetailFormat channel, String street,
        String city, String cityKey, @Nullable String province, @Nullable String postalCode, Region region,
        @Nullable String taxId, ProspectSource source, @Nullable UUID referringAccountId, @Nullable String competitor,
        @Nullable CompetitorLoyalty competitorLoyalty, String owner, @Nullable String operations,
        @Nullable String marketSituation, @Nullable BigDecimal estimatedAnnualVolume, @Nullable String financialStatus,
        @Nullable String creditStanding, @Nullable String organisationAndPurchasing, @Nullable String pastDealings,
        @Nullable String developmentAssessment, @Nullable BigDecimal score, @Nullable BigDecimal qualifyingScore,
        @Nullable Boolean qualifies, @Nullable TargetClass targetClass, @Nullable Integer criteriaVersion,
        ProspectStage stage, Instant stageEnteredAt, @Nullable String nextAction, @Nullable LocalDate nextActionDue,
        @Nullable DropReason dropReason, @Nullable String dropNote, @Nullable String convertedBy,
        @Nullable Instant convertedAt, @Nullable String overrideReason, @Nullable Instant accountOpenedAt,
        String identifiedBy, Instant identifiedAt, Instant updatedAt, @Nullable @Version Long version) {

    /** Score bands for the tier proposed at conversion: A from 80, B from 60, C below. */
    static final BigDecimal TIER_A = new BigDecimal("80");
    static final BigDecimal TIER_B = new BigDecimal("60");
    /** Estimated yearly volume (CNY) from which a new account is proposed WHITE: huge volume at a thin margin. */
    static final BigDecimal WHITE_VOLUME = new BigDecimal("20000000");

    public record Changed<E>(Prospect prospect, @Nullable E event) {
    }

    /** A new prospect, IDENTIFIED, given the id of the account it becomes if converted. */
    public static Changed<ProspectIdentified> identify(UUID id, ProspectDetails details, Actor actor, Instant now) {
        Prospect prospect = from(id, UUID.randomUUID(), details, actor.name(), now);
        return new Changed<>(prospect, new ProspectIdentified(prospect.accountId(), id, prospect.details(),
                actor.name(), now));
    }

    /** Replaces what is known of the prospect; a closed prospect no longer changes. */
    public Changed<ProspectRevised> revise(ProspectDetails details, Actor actor, Instant now) {
        requireOpen("revise");
        Prospect revised = from(id, accountId, details, identifiedBy, identifiedAt).withState(this, now);
        if (revised.details().equals(details())) {
            return new Changed<>(this, null);
        }
        return new Changed<>(revised, new ProspectRevised(accountId, id, revised.details(), actor.name(), now));
    }

    /** The prospect with a new score (the caller records the score and its event). */
    public Prospect scored(ScreeningCriteria criteria, ScreeningCriteria.Score result, Instant now) {
        return new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province, postalCode,
                region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner, operations,
                marketSituation, estimatedAnnualVolume, financialStatus, creditStanding, organisationAndPurchasing,
                pastDealings, developmentAssessment, result.score(), criteria.qualifyingScore(), result.qualifies(),
                result.targetClass(), criteria.version(), stage, stageEnteredAt, nextAction, nextActionDue, dropReason,
                dropNote, convertedBy, convertedAt, overrideReason, accountOpenedAt, identifiedBy, identifiedAt, now,
                version);
    }

    /**
     * Moves the prospect on: IDENTIFIED → SCREENED once every criterion of its territory is rated, SCREENED →
     * DEVELOPING; or takes a DROPPED prospect up again as IDENTIFIED. Conversion and dropping have their own commands.
     */
    public Changed<ProspectStageChanged> moveTo(ProspectStage to, boolean fullyRated, Actor actor, Instant now) {
        if (stage == ProspectStage.DROPPED && to == ProspectStage.IDENTIFIED) {
            return reopen(actor, now);
        }
        requireOpen("move");
        boolean allowed = stage == ProspectStage.IDENTIFIED && to == ProspectStage.SCREENED
                || stage == ProspectStage.SCREENED && to == ProspectStage.DEVELOPING;
        if (!allowed) {
            throw new Rejection.Conflict("stage-move-not-allowed", "a prospect moves from " + stage + " to "
                    + next(stage) + (stage == ProspectStage.IDENTIFIED ? "" : ", is converted or is dropped")
                    + "; not to " + to).refused();
        }
        if (to == ProspectStage.SCREENED && !fullyRated) {
            throw new Rejection.BrokenRule("not-screened", "rate the prospect on every screening criterion of "
                    + region + " before it counts as screened").refused();
        }
        return new Changed<>(at(to, now), new ProspectStageChanged(accountId, id, stage, to, actor.name(), now));
    }

    /**
     * Takes a dropped prospect up again (a company dropped last year may be worth another try): IDENTIFIED, the drop
     * reason kept in its history only.
     */
    private Changed<ProspectStageChanged> reopen(Actor actor, Instant now) {
        Prospect moved = at(ProspectStage.IDENTIFIED, now);
        Prospect reopened = new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province,
                postalCode, region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner,
                operations, marketSituation, estimatedAnnualVolume, financialStatus, creditStanding,
                organisationAndPurchasing, pastDealings, developmentAssessment, score, qualifyingScore, qualifies,
                targetClass, criteriaVersion, moved.stage(), moved.stageEnteredAt(), null, null, null, null,
                convertedBy, convertedAt, overrideReason, accountOpenedAt, identifiedBy, identifiedAt, now, version);
        return new Changed<>(reopened, new ProspectStageChanged(accountId, id, stage, ProspectStage.IDENTIFIED,
                actor.name(), now));
    }

    public Changed<ProspectNextActionSet> planNextAction(String action, LocalDate due, Actor actor, Instant now) {
        requireOpen("plan the next action of");
        Prospect planned = new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province,
                postalCode, region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner,
                operations, marketSituation, estimatedAnnualVolume, financialStatus, creditStanding,
                organisationAndPurchasing, pastDealings, developmentAssessment, score, qualifyingScore, qualifies,
                targetClass, criteriaVersion, stage, stageEnteredAt, action.strip(), due, dropReason, dropNote,
                convertedBy, convertedAt, overrideReason, accountOpenedAt, identifiedBy, identifiedAt, now, version);
        return new Changed<>(planned, new ProspectNextActionSet(accountId, id, action.strip(), due, actor.name(), now));
    }

    public Changed<ProspectDropped> drop(DropReason reason, String note, Actor actor, Instant now) {
        requireOpen("drop");
        Prospect dropped = at(ProspectStage.DROPPED, now);
        dropped = new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province,
                postalCode, region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner,
                operations, marketSituation, estimatedAnnualVolume, financialStatus, creditStanding,
                organisationAndPurchasing, pastDealings, developmentAssessment, score, qualifyingScore, qualifies,
                targetClass, criteriaVersion, dropped.stage(), dropped.stageEnteredAt(), null, null, reason,
                note.strip(), convertedBy, convertedAt, overrideReason, accountOpenedAt, identifiedBy, identifiedAt,
                now, version);
        return new Changed<>(dropped, new ProspectDropped(accountId, id, stage, reason, note.strip(), actor.name(), now));
    }

    /**
     * Converts a screened or developing prospect into an account. Below its territory's qualifying score only a
     * national KA manager may convert it, and must say why. Tier and role are proposed: tier by score band (A from
     * 80, B from 60), role WHITE for an estimated yearly volume of 20 million yuan or more, RED otherwise; never
     * BLACK, which needs a senior decision.
     */
    public Changed<ProspectConverted> convert(@Nullable String overrideReason, Actor actor, Instant now) {
        requireOpen("convert");
        if (stage == ProspectStage.IDENTIFIED || score == null) {
            throw new Rejection.BrokenRule("not-screened", "only a screened prospect can be converted; screen it first").refused();
        }
        String override = null;
        if (!Boolean.TRUE.equals(qualifies)) {
            if (!actor.has(Actor.NATIONAL_KA_MANAGER)) {
                throw new Rejection.Forbidden("override-needs-national-ka-manager", "the prospect scores " + score
                        + ", below the qualifying " + qualifyingScore + "; only a national KA manager may convert it").refused();
            }
            if (overrideReason == null || overrideReason.isBlank()) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("score", score);
                facts.put("qualifyingScore", qualifyingScore);
                throw new Rejection.BrokenRule("below-qualifying-score", "the prospect scores " + score
                        + ", below the qualifying " + qualifyingScore + "; converting it needs an overrideReason",
                        facts).refused();
            }
            override = overrideReason.strip();
        }
        ValueTier tier = score.compareTo(TIER_A) >= 0 ? ValueTier.A : score.compareTo(TIER_B) >= 0 ? ValueTier.B : ValueTier.C;
        AccountRole role = estimatedAnnualVolume != null && estimatedAnnualVolume.compareTo(WHITE_VOLUME) >= 0
                ? AccountRole.WHITE : AccountRole.RED;
        Prospect moved = at(ProspectStage.CONVERTED, now);
        Prospect converted = new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province,
                postalCode, region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner,
                operations, marketSituation, estimatedAnnualVolume, financialStatus, creditStanding,
                organisationAndPurchasing, pastDealings, developmentAssessment, score, qualifyingScore, qualifies,
                targetClass, criteriaVersion, moved.stage(), moved.stageEnteredAt(), null, null, null, null,
                actor.name(), now, override, accountOpenedAt, identifiedBy, identifiedAt, now, version);
        return new Changed<>(converted, new ProspectConverted(accountId, id, stage, details(), score, qualifyingScore,
                override != null, override, tier, role, actor.name(), now));
    }

    /** The accounts service opened the account this prospect became. */
    public Prospect accountOpened(Instant at) {
        return new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province, postalCode,
                region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner, operations,
                marketSituation, estimatedAnnualVolume, financialStatus, creditStanding, organisationAndPurchasing,
                pastDealings, developmentAssessment, score, qualifyingScore, qualifies, targetClass, criteriaVersion,
                stage, stageEnteredAt, nextAction, nextActionDue, dropReason, dropNote, convertedBy, convertedAt,
                overrideReason, at, identifiedBy, identifiedAt, updatedAt, version);
    }

    public ProspectDetails details() {
        return new ProspectDetails(companyName, channel, new Address(street, city, province, postalCode), region,
                taxId, source, referringAccountId, competitor, competitorLoyalty, owner,
                new CorporateProfile(operations, marketSituation, estimatedAnnualVolume, financialStatus,
                        creditStanding, organisationAndPurchasing, pastDealings, developmentAssessment));
    }

    /** The key duplicates are found by: lower case, single spaces. */
    public static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static ProspectStage next(ProspectStage stage) {
        return stage == ProspectStage.IDENTIFIED ? ProspectStage.SCREENED : ProspectStage.DEVELOPING;
    }

    private void requireOpen(String act) {
        if (stage == ProspectStage.CONVERTED) {
            throw new Rejection.Conflict("prospect-converted", "the prospect was converted into account "
                    + accountId + " and cannot " + (act.equals("convert") ? "be converted again" : "change any more")).refused();
        }
        if (stage == ProspectStage.DROPPED) {
            throw new Rejection.Conflict("prospect-dropped", "the prospect was dropped (" + dropReason
                    + "); a dropped prospect cannot be " + (act.equals("convert") ? "converted" : "changed")).refused();
        }
    }

    private Prospect at(ProspectStage to, Instant now) {
        return new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province, postalCode,
                region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner, operations,
                marketSituation, estimatedAnnualVolume, financialStatus, creditStanding, organisationAndPurchasing,
                pastDealings, developmentAssessment, score, qualifyingScore, qualifies, targetClass, criteriaVersion,
                to, now, nextAction, nextActionDue, dropReason, dropNote, convertedBy, convertedAt, overrideReason,
                accountOpenedAt, identifiedBy, identifiedAt, now, version);
    }

    /** This prospect's details with another's pipeline state (stage, score, actions...). */
    private Prospect withState(Prospect state, Instant now) {
        return new Prospect(id, accountId, companyName, nameKey, channel, street, city, cityKey, province, postalCode,
                region, taxId, source, referringAccountId, competitor, competitorLoyalty, owner, operations,
                marketSituation, estimatedAnnualVolume, financialStatus, creditStanding, organisationAndPurchasing,
                pastDealings, developmentAssessment, state.score, state.qualifyingScore, state.qualifies,
                state.targetClass, state.criteriaVersion, state.stage, state.stageEnteredAt, state.nextAction,
                state.nextActionDue, state.dropReason, state.dropNote, state.convertedBy, state.convertedAt,
                state.overrideReason, state.accountOpenedAt, identifiedBy, identifiedAt, now, state.version);
    }

    private static Prospect from(UUID id, UUID accountId, ProspectDetails d, String identifiedBy, Instant now) {
        Address a = d.address();
        CorporateProfile p = d.profile() == null
                ? new CorporateProfile(null, null, null, null, null, null, null, null) : d.profile();
        return new Prospect(id, accountId, d.companyName().strip(), key(d.companyName()), d.channel(), a.street(),
                a.city().strip(), key(a.city()), a.province(), a.postalCode(), d.region(), d.taxId(), d.source(),
                d.referringAccountId(), blank(d.competitor()), d.competitorLoyalty(), d.owner(), blank(p.operations()),
                blank(p.marketSituation()), p.estimatedAnnualVolume(), blank(p.financialStatus()),
                blank(p.creditStanding()), blank(p.organisationAndPurchasing()), blank(p.pastDealings()),
                blank(p.developmentAssessment()), null, null, null, null, null, ProspectStage.IDENTIFIED, now, null,
                null, null, null, null, null, null, null, identifiedBy, now, now, null);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
