package io.kam.projection;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.target;
import static io.kam.projection.PromotionFixture.PRICE_DEVIATION;
import static io.kam.projection.PromotionFixture.aFund;
import static io.kam.projection.PromotionFixture.aPromotion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.api.FundSource;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionStatus;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * One account's promotion year 2026, seen on New Year's Day 2027, with two stores in the East (E1, E2) and one in the
 * South (S1), and its approved 2026 plan: PROMOTION_SPEND 50,000 (baseline 42,000), PROMOTIONS 6 (baseline 5).
 * <ul>
 *   <li>funds for 2026: the general one at 40,000.00 (seeded from the plan, first at 30,000.00), UHT milk at 10,000.00
 *       (set by a manager); for 2027 the general one at 60,000.00;</li>
 *   <li>Spring dairy week (E1, E2, 1 to 14 March 2026): approved on the general fund for 12,660.00, agreed, run,
 *       evaluated twice: #1 with the planned fees (3,000 + 1,860 = 4,860.00), #2 with the settled ones (2,800 + 1,860 =
 *       4,660.00, ROI 0.3863), then #1 published again, which changes nothing;</li>
 *   <li>Summer yoghurt days (S1, July): on the milk fund for 8,000.00, agreed, run and ended, not evaluated yet;</li>
 *   <li>Autumn cancelled (E1, September): on the general fund for 3,000.00, agreed, then cancelled;</li>
 *   <li>Winter revised (E2, December): approved for 5,000.00 and agreed as revision 1, then revised to revision 2 (a
 *       draft again) and the agreement of revision 1 published again, which changes nothing;</li>
 *   <li>Christmas running (E1, E2, S1, 20 December 2026 to 10 January 2027): on the general fund for 2,000.00,
 *       agreed, started (delivered twice): running now; checked at every store, E1 twice (off price first, then right) and once more
 *       with a check from before both that arrives last, E2 without its display (delivered twice), S1 off price;</li>
 *   <li>New Year (E1, S1, 5 to 18 January 2027): on the 2027 fund for 6,000.00 and agreed: upcoming;</li>
 *   <li>Just an idea (S1, October): drafted and proposed only.</li>
 * </ul>
 * 2026 by hand: agreed and not cancelled: Spring, Summer, Christmas = 3. Spend: evaluated 4,660.00 (Spring, #2) +
 * committed 8,000.00 (Summer) + 2,000.00 (Christmas) = 14,660.00, 29.3 % of 50,000. General fund: committed 12,660.00
 * + 2,000.00 = 14,660.00 (Autumn cancelled, Winter's approval undone by its revision), actual 4,660.00; milk fund:
 * committed 8,000.00, actual 0.00; together budget 50,000.00, committed 22,660.00, actual 4,660.00. Remaining: the
 * general fund 40,000.00 − (4,660.00 Spring's actual + 2,000.00 Christmas) = 33,340.00, the milk fund 2,000.00;
 * together 35,340.00. Christmas running: 3 stores checked, 1 executed (E1's latest check) = 33.3 %; East 1 of 2 = 50.0 %
 * (display at E2), South 0 of 1 = 0.0 % (price at S1).
 */
public final class PromotionScenario {

    /** The promotions events the scenario publishes, the one delivered twice counted once. */
    public static final long PROMOTION_EVENTS = 41;
    /** The visits events it publishes, the one delivered twice counted once. */
    public static final long VISITS_EVENTS = 5;

    public final UUID account = UUID.randomUUID();
    public final StoreOpened e1 = aStoreOpened(account, Region.EAST);
    public final StoreOpened e2 = aStoreOpened(account, Region.EAST);
    public final StoreOpened s1 = aStoreOpened(account, Region.SOUTH);
    public final UUID generalFund = UUID.randomUUID();
    public final UUID milkFund = UUID.randomUUID();
    public final UUID nextYearsFund = UUID.randomUUID();
    public final PromotionFixture spring = aPromotion(account, "Spring dairy week", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 14), e1, e2);
    public final PromotionFixture summer = aPromotion(account, "Summer yoghurt days", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 7, 14), s1);
    public final PromotionFixture autumn = aPromotion(account, "Autumn cancelled", LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 14), e1);
    public final PromotionFixture winter = aPromotion(account, "Winter revised", LocalDate.of(2026, 12, 1),
            LocalDate.of(2026, 12, 14), e2);
    public final PromotionFixture christmas = aPromotion(account, "Christmas running", LocalDate.of(2026, 12, 20),
            LocalDate.of(2027, 1, 10), e1, e2, s1);
    public final PromotionFixture newYear = aPromotion(account, "New Year", LocalDate.of(2027, 1, 5),
            LocalDate.of(2027, 1, 18), e1, s1);
    public final PromotionFixture idea = aPromotion(account, "Just an idea", LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 7), s1);

    public void publish(TopicWriter<AccountEvent> accounts, TopicWriter<PromotionEvent> promotions,
                 TopicWriter<VisitEvent> visits) {
        accounts.publish(aNationalHypermarketChain(account, "Promo Mart " + account));
        List.of(e1, e2, s1).forEach(accounts::publish);
        accounts.publish(aPlan(account, 2026).approved(1, Instant.parse("2026-01-05T02:00:00Z"),
                List.of(target(PlanKpi.PROMOTION_SPEND, 50_000, 42_000), target(PlanKpi.PROMOTIONS, 6, 5)), List.of()));

        Instant jan = Instant.parse("2026-01-06T02:00:00Z");
        promotions.publish(aFund(account, generalFund, 2026, null, "30000.00", FundSource.PLAN), "promotions", jan);
        promotions.publish(aFund(account, generalFund, 2026, null, "40000.00", FundSource.PLAN), "promotions",
                jan.plusSeconds(60));
        promotions.publish(aFund(account, milkFund, 2026, "UHT milk", "10000.00", FundSource.MANAGER), "olga", jan);
        promotions.publish(aFund(account, nextYearsFund, 2027, null, "60000.00", FundSource.PLAN), "promotions",
                Instant.parse("2026-12-20T02:00:00Z"));

        agreed(promotions, spring, generalFund, "12660.00", Instant.parse("2026-02-01T02:00:00Z"));
        promotions.publish(spring.started(1), "promotions", Instant.parse("2026-02-28T16:05:00Z"));
        promotions.publish(spring.ended(1), "promotions", Instant.parse("2026-03-14T16:05:00Z"));
        EventEnvelope first = promotions.publish(spring.evaluated(1, 1, EvaluationTrigger.ENDED, "3000.00", false,
                "0.3704", "16.20"), "promotions", Instant.parse("2026-04-12T02:00:00Z"));
        promotions.publish(spring.evaluated(1, 2, EvaluationTrigger.FEES_SETTLED, "2800.00", true, "0.3863",
                "15.53"), "promotions", Instant.parse("2026-04-20T02:00:00Z"));
        promotions.publish(spring.evaluated(1, 1, EvaluationTrigger.ENDED, "3000.00", false, "0.3704", "16.20"),
                "promotions", first.time());

        agreed(promotions, summer, milkFund, "8000.00", Instant.parse("2026-06-01T02:00:00Z"));
        promotions.publish(summer.started(1), "promotions", Instant.parse("2026-06-30T16:05:00Z"));
        promotions.publish(summer.ended(1), "promotions", Instant.parse("2026-07-14T16:05:00Z"));

        agreed(promotions, autumn, generalFund, "3000.00", Instant.parse("2026-08-01T02:00:00Z"));
        promotions.publish(autumn.cancelled(1, PromotionStatus.AGREED), Instant.parse("2026-08-10T02:00:00Z"));

        var winterAgreed = agreed(promotions, winter, generalFund, "5000.00", Instant.parse("2026-11-01T02:00:00Z"));
        promotions.publish(winter.revised(2, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 21)),
                Instant.parse("2026-11-10T02:00:00Z"));
        promotions.publish(winter.agreed(1, LocalDate.of(2026, 11, 2)), winterAgreed);

        agreed(promotions, christmas, generalFund, "2000.00", Instant.parse("2026-12-01T02:00:00Z"));
        EventEnvelope started = promotions.publish(christmas.started(1), "promotions",
                Instant.parse("2026-12-19T16:05:00Z"));
        promotions.publish(started);
        visits.publish(christmas.checked(e1, Instant.parse("2026-12-21T02:00:00Z"), PRICE_DEVIATION),
                Instant.parse("2026-12-21T02:05:00Z"));
        visits.publish(christmas.checked(e1, Instant.parse("2026-12-28T02:00:00Z")),
                Instant.parse("2026-12-28T02:05:00Z"));
        EventEnvelope withoutDisplay = visits.publish(christmas.checked(e2, Instant.parse("2026-12-22T02:00:00Z"),
                "display"), Instant.parse("2026-12-22T02:05:00Z"));
        visits.publish(withoutDisplay);
        visits.publish(christmas.checked(s1, Instant.parse("2026-12-23T02:00:00Z"), PRICE_DEVIATION),
                Instant.parse("2026-12-23T02:05:00Z"));
        visits.publish(christmas.checked(e1, Instant.parse("2026-12-20T09:00:00Z"), "display", "photo"),
                Instant.parse("2026-12-29T02:05:00Z"));

        agreed(promotions, newYear, nextYearsFund, "6000.00", Instant.parse("2026-12-10T02:00:00Z"));

        promotions.publish(idea.drafted(), Instant.parse("2026-08-01T02:00:00Z"));
        promotions.publish(idea.proposed(1), Instant.parse("2026-08-02T02:00:00Z"));
    }

    /** Drafted, proposed, approved on the fund and agreed on the day after {@code at}: four events. */
    private static Instant agreed(TopicWriter<PromotionEvent> promotions, PromotionFixture promotion, UUID fund,
                                  String committed, Instant at) {
        promotions.publish(promotion.drafted(), at);
        promotions.publish(promotion.proposed(1), at.plusSeconds(3600));
        promotions.publish(promotion.approved(1, fund, committed), "olga", at.plusSeconds(7200));
        Instant agreedAt = at.plusSeconds(86_400);
        promotions.publish(promotion.agreed(1, LocalDate.ofInstant(agreedAt, java.time.ZoneOffset.UTC)), agreedAt);
        return agreedAt;
    }
}
