package io.kam.prospects.prospect;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import io.kam.prospects.screening.ScreeningCriteria;

/** The prospect aggregate through its pipeline: given a prospect, when a command, then the new stage and event. */
class ProspectTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:20:00Z");
    private static final Actor NORA = new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Actor ERIC = new Actor("eric", Set.of(Actor.REGIONAL_COORDINATOR), "EAST");

    @Nested
    class Pipeline {

        @Test
        void givenANewProspect_thenItIsIdentifiedWithTheIdOfTheAccountItWouldBecome() {
            var identified = Prospect.identify(UUID.randomUUID(), details(8_500_000), ERIC, NOW);

            assertThat(identified.prospect().stage()).isEqualTo(ProspectStage.IDENTIFIED);
            assertThat(identified.event().accountId()).isEqualTo(identified.prospect().accountId())
                    .isNotEqualTo(identified.prospect().id());
        }

        @Test
        void givenAnIdentifiedProspect_whenNotEveryCriterionIsRated_thenItCannotCountAsScreened() {
            Prospect identified = identified();

            assertThat(rejectionOf(() -> identified.moveTo(ProspectStage.SCREENED, false, ERIC, NOW)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> assertThat(e.code()).isEqualTo("not-screened"));
            assertThat(identified.moveTo(ProspectStage.SCREENED, true, ERIC, NOW).event().to())
                    .isEqualTo(ProspectStage.SCREENED);
        }

        @Test
        void givenAnIdentifiedProspect_whenMovedStraightToDeveloping_thenItIsRefused() {
            assertThat(rejectionOf(() -> identified().moveTo(ProspectStage.DEVELOPING, true, ERIC, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class,
                            e -> assertThat(e.code()).isEqualTo("stage-move-not-allowed"));
        }

        @Test
        void givenADroppedProspect_thenNothingChangesItAnyMore() {
            Prospect dropped = identified().drop(DropReason.LOYAL_TO_COMPETITOR, "three-year exclusive", ERIC, NOW).prospect();

            assertThat(dropped.stage()).isEqualTo(ProspectStage.DROPPED);
            assertThat(rejectionOf(() -> dropped.convert(null, NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, e -> assertThat(e.code()).isEqualTo("prospect-dropped"));
            assertThat(rejectionOf(() -> dropped.planNextAction("call", LocalDate.of(2026, 12, 1), ERIC, NOW)))
                    .isInstanceOf(Rejection.Conflict.class);
        }
    }

    @Nested
    class Conversion {

        @Test
        void givenAQualifyingScreenedProspect_whenConverted_thenTierAndRoleAreProposedFromScoreAndVolume() {
            Prospect screened = screened(78, 8_500_000);

            var converted = screened.convert(null, ERIC, NOW);

            assertThat(converted.prospect().stage()).isEqualTo(ProspectStage.CONVERTED);
            assertThat(converted.event().proposedTier()).isEqualTo(ValueTier.B);
            assertThat(converted.event().proposedRole()).isEqualTo(AccountRole.RED);
            assertThat(converted.event().overridden()).isFalse();
            assertThat(converted.event().accountId()).isEqualTo(screened.accountId());
        }

        @Test
        void givenAHugeVolumeAndAHighScore_thenTheAccountIsProposedAWhiteFacedTierA() {
            var converted = screened(92, 60_000_000).convert(null, NORA, NOW);

            assertThat(converted.event().proposedTier()).isEqualTo(ValueTier.A);
            assertThat(converted.event().proposedRole()).isEqualTo(AccountRole.WHITE);
        }

        @Test
        void givenAProspectBelowTheQualifyingScore_thenACoordinatorCannotConvertIt() {
            assertThat(rejectionOf(() -> screened(38, 1_000_000).convert("we need the footprint", ERIC, NOW)))
                    .isInstanceOfSatisfying(Rejection.Forbidden.class,
                            e -> assertThat(e.code()).isEqualTo("override-needs-national-ka-manager"));
        }

        @Test
        void givenAProspectBelowTheQualifyingScore_thenAManagerConvertsItOnlyWithAReason() {
            Prospect weak = screened(38, 1_000_000);

            assertThat(rejectionOf(() -> weak.convert(" ", NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> {
                        assertThat(e.code()).isEqualTo("below-qualifying-score");
                        assertThat(e.facts()).containsEntry("score", new BigDecimal("38.00"));
                    });
            var overridden = weak.convert("Gateway to the Ningbo port district", NORA, NOW);
            assertThat(overridden.event().overridden()).isTrue();
            assertThat(overridden.event().overrideReason()).isEqualTo("Gateway to the Ningbo port district");
            assertThat(overridden.event().proposedTier()).isEqualTo(ValueTier.C);
        }

        @Test
        void givenAnUnscreenedProspect_thenItCannotBeConverted() {
            assertThat(rejectionOf(() -> identified().convert(null, NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> assertThat(e.code()).isEqualTo("not-screened"));
        }

        @Test
        void givenAConvertedProspect_thenItCannotBeConvertedAgain() {
            Prospect converted = screened(78, 1_000_000).convert(null, NORA, NOW).prospect();

            assertThat(rejectionOf(() -> converted.convert(null, NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, e -> assertThat(e.code()).isEqualTo("prospect-converted"));
        }
    }

    static Prospect identified() {
        return Prospect.identify(UUID.randomUUID(), details(8_500_000), ERIC, NOW).prospect();
    }

    /** A screened prospect whose ratings give the score (one criterion weighing 100, rated score of 100). */
    static Prospect screened(int score, long volume) {
        ScreeningCriteria criteria = ScreeningCriteria.define(Region.EAST, 1,
                new io.kam.prospects.api.ProspectRequests.CriteriaInput(java.util.List.of(
                        new io.kam.prospects.api.ProspectRequests.CriterionInput("overall", "Overall", new BigDecimal("100"), 10)),
                        new BigDecimal("70")), NORA, NOW);
        Prospect identified = Prospect.identify(UUID.randomUUID(), details(volume), ERIC, NOW).prospect();
        var result = new ScreeningCriteria.Score(new BigDecimal(score).setScale(2), score >= 70,
                io.kam.prospects.api.TargetClass.of(score >= 70, CompetitorLoyalty.LOW), java.util.List.of());
        return identified.scored(criteria, result, NOW).moveTo(ProspectStage.SCREENED, true, ERIC, NOW).prospect();
    }

    static ProspectDetails details(long volume) {
        return new ProspectDetails("Ningbo Harbour Fresh Markets", RetailFormat.SUPERMARKET,
                new Address("18 Zhongshan East Road", "Ningbo", "Zhejiang", "315000"), Region.EAST, null,
                ProspectSource.MEETINGS_AND_EVENTS, null, "Bright Dairy", CompetitorLoyalty.LOW, "eric",
                new CorporateProfile(null, null, BigDecimal.valueOf(volume), null, null, null, null, null));
    }

}
