package io.kam.projection.rebuild;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.projection.kafka.EventJournal;
import io.kam.projection.promotion.PromotionTables;
import io.kam.projection.prospect.ProspectTables;
import io.kam.projection.review.ReviewTables;
import io.kam.projection.sellthrough.SellThroughTables;
import io.kam.projection.tradespend.TradeSpendTables;
import io.kam.projection.visit.VisitTables;

/**
 * Every table the projection writes: the reviews', the prospect pipeline's, the execution tables (with the promotion
 * execution checks), the sell-through figures, the promotions and the trade spend, and the journal of the events applied
 * (the replay journals them again, so the as-of reads answer as before). Each feature empties its own together with the record
 * of what its listener processed; this empties them all in one transaction, so that a replay of every topic applies
 * everything.
 */
@Component
class ProjectedTables {

    private final ReviewTables reviews;
    private final ProspectTables prospects;
    private final VisitTables visits;
    private final SellThroughTables sellThrough;
    private final PromotionTables promotions;
    private final TradeSpendTables tradeSpend;
    private final EventJournal journal;

    ProjectedTables(ReviewTables reviews, ProspectTables prospects, VisitTables visits, SellThroughTables sellThrough,
                    PromotionTables promotions, TradeSpendTables tradeSpend, EventJournal journal) {
        this.reviews = reviews;
        this.prospects = prospects;
        this.visits = visits;
        this.sellThrough = sellThrough;
        this.promotions = promotions;
        this.tradeSpend = tradeSpend;
        this.journal = journal;
    }

    @Transactional
    void clear() {
        reviews.clear();
        prospects.clear();
        visits.clear();
        sellThrough.clear();
        promotions.clear();
        tradeSpend.clear();
        journal.clear();
    }
}
