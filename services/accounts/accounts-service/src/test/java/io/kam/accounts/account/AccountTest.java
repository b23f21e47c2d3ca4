package io.kam.accounts.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.kam.accounts.AccountFixture;
import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;

/** The account aggregate: given an account, when a command, then the events or the refusal. */
class AccountTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:15:30Z");
    private static final Actor NORA = new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Actor ERIC = new Actor("eric", Set.of(Actor.REGIONAL_COORDINATOR));

    @Nested
    class Opening {

        @Test
        void opensAtTargetEvaluationUnlessToldOtherwise() {
            var opened = Account.open(UUID.randomUUID(), header(AccountScope.NATIONAL, null), null, null, NOW);

            assertThat(opened.account().stage()).isEqualTo(DevelopmentStage.TARGET_EVALUATION);
            assertThat(opened.event().stage()).isEqualTo(DevelopmentStage.TARGET_EVALUATION);
            assertThat(opened.event().accountId()).isEqualTo(opened.account().id());
            assertThat(opened.account().tier()).as("unclassified until assessed").isNull();
        }

        @Test
        void anExistingCustomerOpensAtItsStageOnlyWithEvidence() {
            assertThatThrownBy(() -> Account.open(UUID.randomUUID(), header(AccountScope.NATIONAL, null),
                    DevelopmentStage.PREFERRED_USER, " ", NOW))
                    .isInstanceOfSatisfying(ApiProblem.Invalid.class, e -> assertThat(e.errors())
                            .extracting(io.kam.platform.domain.FieldError::field).containsExactly("stageEvidence"));
            assertThat(Account.open(UUID.randomUUID(), header(AccountScope.NATIONAL, null), DevelopmentStage.PREFERRED_USER,
                    "end-cap priority in all stores since 2024", NOW).account().stage()).isEqualTo(DevelopmentStage.PREFERRED_USER);
        }

        @Test
        void aRegionalAccountNeedsItsHomeRegion() {
            assertThatThrownBy(() -> Account.open(UUID.randomUUID(), header(AccountScope.REGIONAL, null), null, null, NOW))
                    .isInstanceOfSatisfying(ApiProblem.Invalid.class, e -> assertThat(e.errors())
                            .extracting(io.kam.platform.domain.FieldError::field).containsExactly("homeRegion"));
        }

        @Test
        void aNationalAccountHasNoHomeRegion() {
            assertThatThrownBy(() -> Account.open(UUID.randomUUID(), header(AccountScope.NATIONAL, Region.EAST), null, null, NOW))
                    .isInstanceOf(ApiProblem.Invalid.class);
        }
    }

    @Nested
    class Classifying {

        @Test
        void keepsWhoWhenAndWhyWithThePreviousValues() {
            Account account = anAccount().classify(ValueTier.B, AccountRole.RED, "first assessment", NORA, NOW).account();

            AccountClassified event = account.classify(ValueTier.A, AccountRole.WHITE, "top volume, thin margin", ERIC, NOW).event();

            assertThat(event).isEqualTo(new AccountClassified(account.id(), ValueTier.A, AccountRole.WHITE,
                    ValueTier.B, AccountRole.RED, "top volume, thin margin", "eric", NOW));
        }

        @Test
        void onlyANationalKaManagerMakesAnAccountBlack() {
            Account account = anAccount();

            assertThatThrownBy(() -> account.classify(ValueTier.C, AccountRole.BLACK, "brand presence", ERIC, NOW))
                    .isInstanceOfSatisfying(ApiProblem.Forbidden.class,
                            e -> assertThat(e.code()).isEqualTo("national-ka-manager-required"));
            assertThat(account.classify(ValueTier.C, AccountRole.BLACK, "brand presence", NORA, NOW).account().role())
                    .isEqualTo(AccountRole.BLACK);
        }

        @Test
        void onlyANationalKaManagerChangesABlackAccount() {
            Account black = anAccount().classify(ValueTier.C, AccountRole.BLACK, "brand presence", NORA, NOW).account();

            assertThatThrownBy(() -> black.classify(ValueTier.B, AccountRole.BLACK, "more volume", ERIC, NOW))
                    .isInstanceOf(ApiProblem.Forbidden.class);
            assertThatThrownBy(() -> black.classify(ValueTier.C, AccountRole.RED, "profitable now", ERIC, NOW))
                    .isInstanceOf(ApiProblem.Forbidden.class);
            assertThat(black.classify(ValueTier.C, AccountRole.RED, "profitable now", NORA, NOW).event().previousRole())
                    .isEqualTo(AccountRole.BLACK);
        }

        @Test
        void rejectsAClassificationThatChangesNothing() {
            Account account = anAccount().classify(ValueTier.A, AccountRole.WHITE, "assessed", NORA, NOW).account();

            assertThatThrownBy(() -> account.classify(ValueTier.A, AccountRole.WHITE, "again", NORA, NOW))
                    .isInstanceOf(ApiProblem.Rejected.class);
        }
    }

    @Nested
    class ChangingStage {

        @Test
        void theNextStageNeedsOnlyEvidence() {
            AccountStageChanged event = anAccount()
                    .changeStage(DevelopmentStage.PRODUCT_USER, "first order of 12 SKUs", null, ERIC, NOW).event();

            assertThat(event.from()).isEqualTo(DevelopmentStage.TARGET_EVALUATION);
            assertThat(event.to()).isEqualTo(DevelopmentStage.PRODUCT_USER);
            assertThat(event.evidence()).isEqualTo("first order of 12 SKUs");
            assertThat(event.changedBy()).isEqualTo("eric");
        }

        @Test
        void skippingAStageNeedsAReason() {
            Account account = anAccount();

            assertThatThrownBy(() -> account.changeStage(DevelopmentStage.PREFERRED_USER, "end caps", " ", NORA, NOW))
                    .isInstanceOfSatisfying(ApiProblem.Rejected.class,
                            e -> assertThat(e.getMessage()).contains("skipping a stage"));
            assertThat(account.changeStage(DevelopmentStage.PREFERRED_USER, "end caps", "took over a competitor's listing",
                    NORA, NOW).event().reason()).isEqualTo("took over a competitor's listing");
        }

        @Test
        void goingBackNeedsAReason() {
            Account account = anAccount().changeStage(DevelopmentStage.PRODUCT_USER, "first order", null, NORA, NOW).account();

            assertThatThrownBy(() -> account.changeStage(DevelopmentStage.TARGET_EVALUATION, "delisted", null, NORA, NOW))
                    .isInstanceOfSatisfying(ApiProblem.Rejected.class, e -> assertThat(e.getMessage()).contains("going back"));
        }

        @Test
        void stayingAtTheSameStageIsRejected() {
            assertThatThrownBy(() -> anAccount().changeStage(DevelopmentStage.TARGET_EVALUATION, "still evaluating", null, NORA, NOW))
                    .isInstanceOf(ApiProblem.Rejected.class);
        }
    }

    @Test
    void aRevisionAnnouncesTheVersionTheAccountWillHave() {
        Account account = anAccount();

        var revised = account.revise(header(AccountScope.REGIONAL, Region.NORTH), NOW);

        assertThat(revised.event().version()).isEqualTo(account.version() + 1);
        assertThat(revised.account().homeRegion()).isEqualTo(Region.NORTH);
        assertThat(revised.account().stage()).as("a revision leaves the stage alone").isEqualTo(account.stage());
    }

    @Test
    void aRevisionThatChangesNothingCausesNoEvent() {
        Account account = anAccount();

        var same = account.revise(account.header(), NOW);

        assertThat(same.event()).isNull();
        assertThat(same.account()).isSameAs(account);
    }

    private static Account anAccount() {
        Account opened = Account.open(UUID.randomUUID(), header(AccountScope.NATIONAL, null), null, null, NOW).account();
        return new Account(opened.id(), opened.name(), opened.banner(), opened.format(), opened.ownership(),
                opened.hqStreet(), opened.hqCity(), opened.hqProvince(), opened.hqPostalCode(), opened.scope(),
                opened.homeRegion(), opened.owner(), opened.status(), opened.tier(), opened.role(), opened.stage(),
                opened.createdAt(), opened.updatedAt(), 0L);
    }

    private static Account.Header header(AccountScope scope, Region region) {
        return new Account.Header("Yangtze Hypermarket Group", "Yangtze Hyper", RetailFormat.HYPERMARKET, "listed",
                AccountFixture.shanghaiHq(), scope, region, "nora", AccountStatus.ACTIVE);
    }
}
