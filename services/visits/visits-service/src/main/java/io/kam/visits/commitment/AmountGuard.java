package io.kam.visits.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.LimitExceeded;

/**
 * The guard of a commitment with an amount (不可做出任何政策外的承诺): of the limits in force on the visit's day that
 * limit its type in its unit, the agreement's first, then the running promotions' ones, the first it stays within
 * allows it; beyond every one of them, or with none in force (no agreement on the day, or none of its terms and no
 * agreed promotion limits the type), it is held for a national KA manager, naming the most generous limit it exceeded.
 */
public final class AmountGuard {

    private AmountGuard() {
    }

    /** The guard's answer: the limit that allowed the commitment, or why it is held. */
    public sealed interface Answer {
        record Allowed(CommitmentLimit by) implements Answer {
        }

        record Held(LimitExceeded exceeded) implements Answer {
        }
    }

    /**
     * @param agreement the limits of the agreement version in force on the day; empty when none is in force
     * @param promotions the limits of the agreed promotions in store that day
     */
    public static Answer judge(CommitmentType type, Amount asked, Optional<List<CommitmentLimit>> agreement,
                               List<CommitmentLimit> promotions, LocalDate day) {
        List<CommitmentLimit> relevant = new ArrayList<>();
        agreement.orElse(List.of()).stream().filter(l -> fits(l, type, asked)).forEach(relevant::add);
        promotions.stream().filter(l -> fits(l, type, asked)).forEach(relevant::add);
        for (CommitmentLimit limit : relevant) {
            if (limit.allows(asked.unit(), asked.value())) {
                return new Answer.Allowed(limit);
            }
        }
        var generous = relevant.stream().max(Comparator.comparing(CommitmentLimit::limit));
        if (generous.isPresent()) {
            CommitmentLimit most = generous.get();
            return new Answer.Held(new LimitExceeded(most.kind(), most.limit(), asked.unit(), asked.value(),
                    most.source(), asked + " is more than every limit in force on " + day + " for a " + type
                    + "; the most generous is " + most.kind() + " " + most.limit().toPlainString() + " " + most.unit()
                    + (most.per() == null ? "" : " per " + most.per()) + " of " + source(most)));
        }
        return new Answer.Held(new LimitExceeded(null, null, asked.unit(), asked.value(), null, agreement.isEmpty()
                ? "no agreement is in force for the account on " + day + ", and no agreed promotion in store then "
                        + "limits a " + type
                : "neither the agreement in force on " + day + " nor an agreed promotion in store then limits a "
                        + type + " in " + asked.unit()));
    }

    private static boolean fits(CommitmentLimit limit, CommitmentType type, Amount asked) {
        return limit.kind().limits(type) && limit.unit() == asked.unit();
    }

    private static String source(CommitmentLimit limit) {
        var s = limit.source();
        return s.agreementId() != null ? "agreement " + s.agreementId() + " version " + s.agreementVersion()
                : "promotion " + s.promotionId() + " revision " + s.promotionRevision();
    }
}
