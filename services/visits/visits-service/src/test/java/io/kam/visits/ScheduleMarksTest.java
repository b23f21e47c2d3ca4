package io.kam.visits;

import static io.kam.visits.PromotionsFixture.sku;
import static io.kam.visits.PromotionsFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionStatus;

/**
 * The coordinator's schedule marks each store visit with the agreed promotions of its store whose in-store period
 * starts in the visit's week, Monday to Sunday in the market: this week's visits show what starts this week.
 */
class ScheduleMarksTest extends ServiceTest {

    static final LocalDate WEDNESDAY = TODAY.plusDays(2);
    static final LocalDate SUNDAY = TODAY.plusDays(6);
    static final LocalDate NEXT_MONDAY = TODAY.plusDays(7);

    private UUID account;
    private UUID store;
    private UUID otherStore;

    @BeforeEach
    void anAccountWithTwoEastStores() {
        account = stores.anAccount(null);
        store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        otherStore = stores.openStore(account, Region.EAST, RetailFormat.SUPERMARKET);
    }

    @Test
    void storeVisitsAreMarkedWithTheAgreedPromotionsStartingInTheirWeek() {
        UUID wednesday = agreed("Spring dairy week", store, WEDNESDAY);
        UUID sunday = agreed("Weekend tasting", store, SUNDAY);
        UUID nextWeek = agreed("Yoghurt days", store, NEXT_MONDAY);
        agreed("Already running", store, TODAY.minusDays(3));
        UUID elsewhere = agreed("Other store", otherStore, WEDNESDAY);
        UUID cancelled = agreed("Cancelled", store, WEDNESDAY);
        promotions.publish(new PromotionCancelled(account, cancelled, 1, PromotionStatus.AGREED, "moved", "nora"));
        promotions.publish(new PromotionDrafted(account, UUID.randomUUID(), 1, terms("A draft", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku("06901234567892", "13.50", "11.90")), List.of(store), WEDNESDAY, WEDNESDAY.plusDays(6)), "nora"));

        String today = plan(store, TODAY);
        String friday = plan(store, TODAY.plusDays(4));
        String following = plan(store, NEXT_MONDAY);
        String other = plan(otherStore, TODAY.plusDays(1));
        String headOffice = eric.post("/api/visits", Map.of("region", "EAST", "accountId", account.toString(),
                "type", "SECOND", "plannedDate", TODAY.toString(), "slot", "EVENING")).text("id");

        var schedule = items(eric.get("/api/visits?accountId=" + account + "&to=" + NEXT_MONDAY.plusDays(6)));

        assertThat(marks(schedule, today)).containsExactly(wednesday.toString(), sunday.toString());
        assertThat(marks(schedule, friday)).containsExactly(wednesday.toString(), sunday.toString());
        assertThat(marks(schedule, following)).containsExactly(nextWeek.toString());
        assertThat(marks(schedule, other)).containsExactly(elsewhere.toString());
        assertThat(marks(schedule, headOffice)).isEmpty();
        JsonNode mark = visitIn(schedule, today).at("/promotionsStarting/0");
        assertThat(mark.path("name").asString()).isEqualTo("Spring dairy week");
        assertThat(mark.path("inStoreFrom").asString()).isEqualTo(WEDNESDAY.toString());
        assertThat(mark.path("inStoreTo").asString()).isEqualTo(WEDNESDAY.plusDays(6).toString());
    }

    private UUID agreed(String name, UUID in, LocalDate from) {
        return promotions.anAgreedPromotion(account, terms(name, List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku("06901234567892", "13.50", "11.90")), List.of(in), from, from.plusDays(6)));
    }

    private String plan(UUID in, LocalDate day) {
        var planned = eric.post("/api/visits", Map.of("region", "EAST", "storeId", in.toString(), "type", "STORE_CHECK",
                "plannedDate", day.toString(), "slot", "TRADING_HOURS"));
        assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
        return planned.text("id");
    }

    private static JsonNode visitIn(List<JsonNode> schedule, String id) {
        return schedule.stream().filter(v -> v.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> marks(List<JsonNode> schedule, String id) {
        return visitIn(schedule, id).path("promotionsStarting").valueStream().map(p -> p.path("promotionId").asString())
                .toList();
    }
}
