package io.kam.promotions.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionViews.PlannedSpend;

/** Planned spend, against figures worked out by hand. */
class SpendTest {

    private static final Period MARCH = new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14));

    private static Terms terms(List<PromotedSku> skus, int stores, List<Fee> fees, long units, boolean retailerFunds) {
        return new Terms("Spring dairy week", List.of(Mechanic.PRICE_DISCOUNT), skus,
                java.util.stream.Stream.generate(UUID::randomUUID).limit(stores).toList(), MARCH, MARCH, fees, null,
                new Forecast(units - 400, 400), retailerFunds, null);
    }

    private static PromotedSku sku(String regular, String promoted) {
        return new PromotedSku("06901234567892", "UHT milk", new BigDecimal(regular), new BigDecimal(promoted));
    }

    private static Fee fee(String amount, FeeBasis basis) {
        return new Fee(FeeKind.OTHER, new BigDecimal(amount), basis, null);
    }

    @Test
    void givenADisplayFeePerStore_thenTheSpendIsTheFeeTimesTheStoresPlusTheDiscountOnTheForecastUnits() {
        // 1,500.00 x 1 store; (23.00 - 19.90) x 3,600 units = 11,160.00
        PlannedSpend spend = Spend.planned(terms(List.of(sku("23.00", "19.90")), 1,
                List.of(fee("1500.00", FeeBasis.PER_STORE)), 3600, false));

        assertThat(spend).isEqualTo(new PlannedSpend(new BigDecimal("1500.00"), new BigDecimal("11160.00"),
                new BigDecimal("12660.00")));
    }

    @Test
    void givenEveryKindOfFee_thenEachTurnsIntoMoneyByItsBasis() {
        // fixed 500.00; 200.00 x 3 stores = 600.00; 0.10 x 1,000 units = 100.00;
        // 2 % x 1,000 units x mean promoted price (19.90 + 8.00) / 2 = 13.95 -> 279.00; fees 1,479.00
        // discount: mean (3.10 + 2.00) / 2 = 2.55 x 1,000 = 2,550.00
        PlannedSpend spend = Spend.planned(terms(List.of(sku("23.00", "19.90"), sku("10.00", "8.00")), 3,
                List.of(fee("500.00", FeeBasis.FIXED), fee("200.00", FeeBasis.PER_STORE),
                        fee("0.10", FeeBasis.PER_UNIT_SOLD), fee("2.00", FeeBasis.OFF_INVOICE_PERCENT)), 1000, false));

        assertThat(spend).isEqualTo(new PlannedSpend(new BigDecimal("1479.00"), new BigDecimal("2550.00"),
                new BigDecimal("4029.00")));
    }

    @Test
    void givenTheRetailerFundsTheDiscount_thenOnlyTheFeesAreSpent() {
        PlannedSpend spend = Spend.planned(terms(List.of(sku("23.00", "19.90")), 2,
                List.of(fee("1500.00", FeeBasis.FIXED)), 3600, true));

        assertThat(spend.discount()).isEqualByComparingTo("0");
        assertThat(spend.total()).isEqualTo(new BigDecimal("1500.00"));
    }
}
