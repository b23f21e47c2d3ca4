package io.kam.visits.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.visits.agreement.AgreementLimits;
import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.promotion.PromotionLimits;

/**
 * The limits in force for commitments at an account on a day, from this service's replicas only: the agreement version
 * in force (none when no version covers the day) and the promotions agreed with the retailer and in store that day, at
 * the store, or at any of the account's stores for a head-office visit.
 */
@Component
public class CommitmentLimits {

    private final AgreementLimits agreements;
    private final PromotionLimits promotions;

    CommitmentLimits(AgreementLimits agreements, PromotionLimits promotions) {
        this.agreements = agreements;
        this.promotions = promotions;
    }

    /** The limits of the agreement in force, if one is, and of the agreed promotions in store. */
    public record InForce(Optional<List<CommitmentLimit>> agreement, List<CommitmentLimit> promotions) {

        public List<CommitmentLimit> all() {
            List<CommitmentLimit> all = new ArrayList<>(agreement.orElse(List.of()));
            all.addAll(promotions);
            return List.copyOf(all);
        }
    }

    public InForce on(UUID accountId, @Nullable UUID storeId, LocalDate day) {
        return new InForce(agreements.inForceOn(accountId, day), promotions.on(accountId, storeId, day));
    }
}
