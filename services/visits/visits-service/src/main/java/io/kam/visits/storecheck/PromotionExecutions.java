package io.kam.visits.storecheck;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckRequests.PromotionExecution;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.promotion.StorePromotions;

/**
 * The execution of the promotions running in a checked store: matched with the check's answers before anything is
 * written, then saved with the check and announced in its transaction, one {@code kam.promotion-execution.checked} per
 * running promotion. A photo added to the check for one of them is its evidence: the execution is announced again,
 * with the photo and without the {@code photo} deviation.
 */
@Component
class PromotionExecutions {

    private final StorePromotions promotions;
    private final ExecutionRows rows;
    private final Outbox outbox;

    PromotionExecutions(StorePromotions promotions, ExecutionRows rows, Outbox outbox) {
        this.promotions = promotions;
        this.rows = rows;
        this.outbox = outbox;
    }

    /** The promotions running in the store on the day, each with its answer; adds a field error for every problem. */
    List<PromotionChecks.Answered> match(UUID storeId, LocalDate day, @Nullable List<PromotionExecution> answers,
                                         List<FieldError> errors) {
        return PromotionChecks.match(promotions.runningAt(storeId, day), answers, errors);
    }

    /** Records and announces what the check found of each promotion. */
    void record(StoreCheck check, List<PromotionChecks.Answered> answered, List<SkuCheck> skus, String actor) {
        Map<String, SkuCheck> byGtin = new LinkedHashMap<>();
        skus.forEach(s -> byGtin.put(s.gtin(), s));
        for (PromotionChecks.Answered a : answered) {
            Execution execution = Execution.found(a.promotion(), a.answer(), byGtin);
            rows.save(check, execution);
            outbox.append(VisitEvents.CATALOG, execution.event(check), actor);
        }
    }

    /** Refuses (400) a photo for a promotion whose execution the check did not record. */
    Execution requireRecorded(UUID checkId, UUID promotionId) {
        return rows.findForUpdate(checkId, promotionId).orElseThrow(() -> new Rejection.Invalid("promotionId",
                "names no promotion whose execution store check " + checkId + " recorded; a photo is evidence of a "
                        + "promotion that was running in the store at the check").refused());
    }

    /** The photo is the execution's evidence from now on: records and announces it again. */
    void photographed(StoreCheck check, Execution execution, UUID photoId, String actor) {
        Execution evidenced = execution.photographed(photoId);
        rows.photographed(check.id(), evidenced);
        outbox.append(VisitEvents.CATALOG, evidenced.event(check), actor);
    }
}
