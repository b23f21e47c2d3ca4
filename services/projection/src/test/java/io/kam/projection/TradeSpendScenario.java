package io.kam.projection;

import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.negotiations.api.ConcessionWarning;
import io.kam.negotiations.api.GetKind;
import io.kam.negotiations.api.OverrideGround;
import io.kam.negotiations.api.Party;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.BuyerTactic;
import io.kam.negotiations.api.ValueShape;
import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.Attendee;
import io.kam.negotiations.api.NegotiationEvents.BuyerAsk;
import io.kam.negotiations.api.NegotiationEvents.CounterpartClaim;
import io.kam.negotiations.api.NegotiationEvents.ExpectedAsk;
import io.kam.negotiations.api.NegotiationEvents.Get;
import io.kam.negotiations.api.NegotiationEvents.GiveOverride;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.negotiations.api.NegotiationEvents.NegotiationOpened;
import io.kam.negotiations.api.NegotiationEvents.PreparationApproved;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.RoundRecorded;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.Signatory;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * One account's trade terms for 2026, seen on New Year's Day 2027: a regional chain at home in the East, with its
 * approved 2026 plan (TRADE_SPEND_RATE target 7.00 %).
 * <ul>
 *   <li>last year's agreement, in force through 2025: true trade spend 6.80 % (680,000.00 on a stated 10,000,000.00);</li>
 *   <li>the 2026 agreement, version 1 from 1 January, on a stated estimate of 10,000,000.00 at 4.35 % financing:
 *       on-invoice discount 3.00 % (300,000.00, share 3.00), off-invoice "bonus" 1.50 % (150,000.00, 1.50) and "gift"
 *       50,000.00 a year (0.50), anniversary fee 120,000.00 (1.20), payment terms 60 days (10,000,000.00 × 60 ÷ 365 ×
 *       4.35 % = 71,506.85, applied 0.72 %); total 691,506.85, 6.92 %;</li>
 *   <li>version 2, amended from 1 July: on-invoice 3.50 % (350,000.00) and anniversary 150,000.00, the rest as
 *       before; total 771,506.85, 7.72 %: 0.72 points over the plan, 0.92 over last year;</li>
 *   <li>sell-through of 100,000.00 on 10 March (under version 1) and 200,000.00 on 10 September (under version 2);</li>
 *   <li>one promotion in May approved with 8,000.00 committed;</li>
 *   <li>the 2026 negotiation: preparation revision 1 (budget 100,000.00, two asks expected), replaced by revision 2
 *       (budget 120,000.00, three asks), approved by Nate; round 1 on 10 November 2025 (two asks, one claim): a give of
 *       50,000.00 for a listing worth 80,000.00, conceded first; round 2 on 1 December 2025 (one ask, two claims, the
 *       category director present): a give of 30,000.00 for a display (not valued), and one of 40,000.00 with nothing
 *       in return, overridden by Nate, larger than the one before (delivered twice).</li>
 * </ul>
 * The section for 2026 by hand: kinds ON_INVOICE_DISCOUNT 350,000.00 (3.50), OFF_INVOICE_REBATE 200,000.00 (2.00),
 * ANNIVERSARY_FEE 150,000.00 (1.50), PAYMENT_TERMS 71,506.85 (0.72). Accrued: on-invoice 3.00 % × 100,000.00 + 3.50 %
 * × 200,000.00 = 10,000.00; the bonus 1.50 % × 300,000.00 = 4,500.00; payment terms 0.72 % × 300,000.00 = 2,160.00;
 * percentage terms 16,660.00; fixed fees as version 2 has them, whole: the gift 50,000.00 + the anniversary 150,000.00
 * = 200,000.00; promotions 8,000.00 committed; total 224,660.00. Ledger: 2 rounds, 3 asks, 3 claims, 3 gives costing
 * 120,000.00, 2 gets worth 80,000.00, 1 unreturned give of 40,000.00, budget remaining 0.00.
 */
public final class TradeSpendScenario {

    /** The negotiations events the scenario publishes, the one delivered twice counted once. */
    public static final long NEGOTIATION_EVENTS = 13;

    public final UUID account = UUID.randomUUID();
    public final UUID lastYearsAgreement = UUID.randomUUID();
    public final UUID agreement = UUID.randomUUID();
    public final UUID negotiation = UUID.randomUUID();
    private final UUID lastYearsNegotiation = UUID.randomUUID();
    private final UUID onInvoice = UUID.randomUUID();
    private final UUID bonus = UUID.randomUUID();
    private final UUID gift = UUID.randomUUID();
    private final UUID anniversary = UUID.randomUUID();
    private final UUID paymentTerms = UUID.randomUUID();
    private final PromotionFixture may = PromotionFixture.aPromotion(account, "May cheese days",
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14));

    public void publish(TopicWriter<AccountEvent> accounts, TopicWriter<NegotiationEvent> negotiations,
                        TopicWriter<SellThroughEvent> sellThrough, TopicWriter<PromotionEvent> promotions) {
        accounts.publish(aRegionalSupermarketChain(account, "Trade Terms Fresh " + account, Region.EAST));
        PlanFixture plan = aPlan(account, 2026);
        List<Target> targets = List.of(target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000),
                new Target(PlanKpi.TRADE_SPEND_RATE, new BigDecimal("7.00"), new BigDecimal("6.80")));
        accounts.publish(plan.drafted(1, targets, List.of()));
        accounts.publish(plan.approved(1, Instant.parse("2025-12-20T02:00:00Z"), targets, List.of()));

        negotiations.publish(new NegotiationOpened(account, lastYearsNegotiation, 2025, null, "nora"),
                Instant.parse("2024-11-01T02:00:00Z"));
        negotiations.publish(signed(lastYearsNegotiation, lastYearsAgreement, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2024, 12, 20),
                List.of(percent(onInvoice, TermKind.ON_INVOICE_DISCOUNT, "票面折扣", "6.80", "680000.00")),
                "680000.00", "6.80"), Instant.parse("2024-12-20T02:00:00Z"));

        negotiations.publish(new NegotiationOpened(account, negotiation, 2026, lastYearsAgreement, "nora"),
                Instant.parse("2025-10-01T02:00:00Z"));
        negotiations.publish(prepared(1, "100000.00", 2), Instant.parse("2025-10-10T02:00:00Z"));
        negotiations.publish(prepared(2, "120000.00", 3), Instant.parse("2025-10-12T02:00:00Z"));
        negotiations.publish(new PreparationApproved(account, negotiation, 2, "nora", "nate"),
                Instant.parse("2025-10-13T02:00:00Z"));
        negotiations.publish(round(1, LocalDate.of(2025, 11, 10), 2, 1, false), Instant.parse("2025-11-10T09:00:00Z"));
        negotiations.publish(give(1, 1, bonus, "50000.00", "50000.00", "70000.00",
                new Get(GetKind.LISTING, "4 new SKUs in every store", new BigDecimal("80000.00")), null,
                List.of(ConcessionWarning.CONCEDED_FIRST)), Instant.parse("2025-11-10T09:05:00Z"));
        negotiations.publish(round(2, LocalDate.of(2025, 12, 1), 1, 2, true), Instant.parse("2025-12-01T09:00:00Z"));
        negotiations.publish(give(2, 2, onInvoice, "30000.00", "80000.00", "40000.00",
                new Get(GetKind.DISPLAY, "an end cap in every store in May", null), null, List.of()),
                Instant.parse("2025-12-01T09:05:00Z"));
        EventEnvelope unreturned = negotiations.publish(give(2, 3, anniversary, "40000.00", "120000.00", "0.00", null,
                new GiveOverride("nate", "the anniversary is the chain's 20th", List.of(OverrideGround.NO_GET)),
                List.of(ConcessionWarning.LARGER_THAN_PREVIOUS)), Instant.parse("2025-12-01T09:10:00Z"));
        negotiations.publish(unreturned);
        negotiations.publish(signed(negotiation, agreement, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2025, 12, 15), terms("3.00", "300000.00", "120000.00"), "691506.85", "6.92"),
                Instant.parse("2025-12-15T02:00:00Z"));
        AgreementSigned amended = signed(negotiation, agreement, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 6, 20), terms("3.50", "350000.00", "150000.00"), "771506.85", "7.72");
        negotiations.publish(new AgreementAmended(account, negotiation, agreement, 2, 1, amended.agreement(),
                "a second anniversary event and a deeper discount for the summer range", "nora"),
                Instant.parse("2026-06-20T02:00:00Z"));

        sellThrough.publish(SellThroughFigures.recorded(account, "ts-march", 1, LocalDate.of(2026, 3, 10),
                SellThroughFigures.line("TS-1", SellThroughFigures.GTIN_A, 4000, "100000.00")));
        sellThrough.publish(SellThroughFigures.recorded(account, "ts-september", 1, LocalDate.of(2026, 9, 10),
                SellThroughFigures.line("TS-1", SellThroughFigures.GTIN_A, 8000, "200000.00")));
        promotions.publish(may.drafted(), Instant.parse("2026-03-01T02:00:00Z"));
        promotions.publish(may.approved(1, null, "8000.00"), Instant.parse("2026-03-05T02:00:00Z"));
    }

    private List<AgreedTerm> terms(String onInvoicePercent, String onInvoiceCost, String anniversaryFee) {
        return List.of(percent(onInvoice, TermKind.ON_INVOICE_DISCOUNT, "票面折扣", onInvoicePercent, onInvoiceCost),
                percent(bonus, TermKind.OFF_INVOICE_REBATE, "bonus", "1.50", "150000.00"),
                fixed(gift, TermKind.OFF_INVOICE_REBATE, "gift", "50000.00"),
                fixed(anniversary, TermKind.ANNIVERSARY_FEE, "周年庆", anniversaryFee),
                new AgreedTerm(paymentTerms, TermKind.PAYMENT_TERMS, "账期", TermValue.ofDays(60),
                        new BigDecimal("71506.85"), new BigDecimal("0.72"), null, new BigDecimal("0.72")));
    }

    private static AgreedTerm percent(UUID id, TermKind kind, String name, String percent, String cost) {
        BigDecimal value = new BigDecimal(percent);
        return new AgreedTerm(id, kind, name, TermValue.percentOfSales(value), new BigDecimal(cost), value, null, value);
    }

    private static AgreedTerm fixed(UUID id, TermKind kind, String name, String amount) {
        BigDecimal value = new BigDecimal(amount);
        return new AgreedTerm(id, kind, name, TermValue.amount(ValueShape.FIXED_AMOUNT, value), value,
                value.movePointLeft(5).setScale(2, java.math.RoundingMode.HALF_UP), null, null);
    }

    private AgreementSigned signed(UUID negotiationId, UUID agreementId, LocalDate from, LocalDate to, LocalDate signedOn,
                                   List<AgreedTerm> terms, String total, String percent) {
        return new AgreementSigned(account, negotiationId, agreementId, 1, agreementTerms(from, to, signedOn, terms,
                stated("10000000.00"), total, percent), "nora");
    }

    /** Agreement terms on this basis at 4.35 % financing, signed by Nora Lin and Zhao Min. */
    public static AgreementTerms agreementTerms(LocalDate from, LocalDate to, LocalDate signedOn,
                                                List<AgreedTerm> terms, SalesBasis basis, String total,
                                                String percent) {
        return new AgreementTerms(from, to, signedOn,
                List.of(new Signatory(Party.SUPPLIER, "Nora Lin", "National KA manager"),
                        new Signatory(Party.RETAILER, "Zhao Min", "Category director")),
                terms, basis, new BigDecimal("4.35"), new BigDecimal(total), new BigDecimal(percent));
    }

    public static SalesBasis stated(String annualSales) {
        return new SalesBasis(SalesBasisSource.STATED_ESTIMATE, new BigDecimal(annualSales), "the buyer's own forecast");
    }

    private PreparationSubmitted prepared(int revision, String budget, int asks) {
        List<ExpectedAsk> expected = new ArrayList<>();
        for (int i = 0; i < asks; i++) {
            expected.add(new ExpectedAsk("ask " + (i + 1), TermKind.OFF_INVOICE_REBATE, null));
        }
        TermValue opening = TermValue.percentOfSales(new BigDecimal("1.00"));
        return new PreparationSubmitted(account, negotiation, revision, List.of(
                new io.kam.negotiations.api.NegotiationEvents.PreparedTerm(bonus, TermKind.OFF_INVOICE_REBATE, "bonus",
                        null, opening, TermValue.percentOfSales(new BigDecimal("1.50")),
                        TermValue.percentOfSales(new BigDecimal("2.00")), null)),
                new BigDecimal(budget), expected, stated("10000000.00"), "nora");
    }

    private RoundRecorded round(int round, LocalDate on, int asks, int claims, boolean senior) {
        List<BuyerAsk> asked = new ArrayList<>();
        for (int i = 0; i < asks; i++) {
            asked.add(new BuyerAsk("bonus", TermKind.OFF_INVOICE_REBATE, null, null));
        }
        List<CounterpartClaim> claimed = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            claimed.add(new CounterpartClaim(BuyerTactic.COMPETITOR_OFFERS_BETTER, "Brand X gives more", null));
        }
        return new RoundRecorded(account, negotiation, round, on, List.of(new Attendee("Nora Lin", null, false)),
                List.of(new Attendee("Wang Lei", "Buyer", false), new Attendee("Zhao Min", "Category director", senior)),
                asked, claimed, null, "nora");
    }

    private GiveRecorded give(int round, int sequence, UUID term, String cost, String running, String remaining,
                              @Nullable Get get, @Nullable GiveOverride override, List<ConcessionWarning> warnings) {
        return new GiveRecorded(account, negotiation, UUID.randomUUID(), round, sequence, term,
                TermKind.OFF_INVOICE_REBATE, "bonus", TermValue.percentOfSales(new BigDecimal("1.00")),
                TermValue.percentOfSales(new BigDecimal("1.50")), new BigDecimal(cost), new BigDecimal(running),
                new BigDecimal(remaining), get, get == null, override, warnings, "nora");
    }
}
