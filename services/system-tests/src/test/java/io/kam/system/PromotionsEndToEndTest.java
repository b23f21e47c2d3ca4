package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.web.client.RestClient;

import io.kam.accounts.AccountsApplication;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ProjectionApplication;
import io.kam.promotions.PromotionsApplication;
import io.kam.promotions.promotion.PromotionCalendar;
import io.kam.sellthrough.SellThroughApplication;
import io.kam.visits.VisitsApplication;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 end to end, five services on the real broker: a business plan approved in the accounts service seeds the
 * promotion fund; a promotion agreed with the retailer is known to the visits service, whose store check records its
 * execution; another promotion, agreed before it ran and recorded afterwards, is evaluated over sell-through pushed
 * through the sell-through API; the review shows both; a restatement changes the ROI.
 *
 * <p>The evaluated week, one store, UHT milk at 19.90 instead of 23.00, a display fee of 1,500, list price 15.00 and
 * unit cost 9.00: 10 a day in the 8 weeks before → baseline 70; 20 a day in store → 140; 8 a day in the two weeks
 * after → dip 28; net incremental 42, gross profit 252.00; investment 1,500.00 + 3.10 × 140 = 1,934.00; ROI 0.1303.
 * The retailer restates the first day to 10: actual 130, net 32, profit 192.00, investment 1,903.00, ROI 0.1009.
 */
class PromotionsEndToEndTest {

    private static final LocalDate TODAY = LocalDate.now(MarketCalendar.ZONE);
    /** The evaluated promotion's first in-store day: its two post-promotion weeks are over ten days ago. */
    private static final LocalDate FROM = TODAY.minusDays(30);
    private static final int YEAR = FROM.getYear();
    private static final String MILK = "06901234567892";
    private static final String YOGHURT = "06920202888883";

    private static RunningService accounts;
    private static RunningService visits;
    private static RunningService sellThrough;
    private static RunningService promotions;
    private static RunningService projection;
    private static Api accountsApi;
    private static Api visitsApi;
    private static Api promotionsApi;
    private static Api reviewsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system13_accounts", Map.of());
        // The gateway on this JVM's class path turns multipart off for every application in it (an environment post
        // processor of Spring Cloud Gateway's server-webmvc); the visits service takes its photos as multipart.
        visits = RunningService.start(VisitsApplication.class, "system13_visits",
                Map.of("spring.servlet.multipart.enabled", "true"));
        sellThrough = RunningService.start(SellThroughApplication.class, "system13_sellthrough", Map.of());
        promotions = RunningService.start(PromotionsApplication.class, "system13_promotions",
                Map.of("kam.promotions.evaluation-interval", "PT1S"));
        projection = RunningService.start(ProjectionApplication.class, "system13_projection", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        visitsApi = new Api(visits.port()).as(TestTokens.nora());
        promotionsApi = new Api(promotions.port()).as(TestTokens.nora());
        reviewsApi = new Api(projection.port()).as(TestTokens.nora());
        visitsApi.put("/api/visits/regions/EAST/coordinator", Map.of("coordinator", "eric"), null);
    }

    @AfterAll
    static void stopServices() {
        for (RunningService service : new RunningService[] {projection, promotions, sellThrough, visits, accounts}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aPlanSeedsTheFund_anAgreedPromotionIsCheckedInStore_anotherIsEvaluated_andTheReviewShowsBoth() throws Exception {
        String account = accountsApi.post("/api/accounts", Map.of("name", "Jade Bay Hypermarkets " + UUID.randomUUID(),
                "banner", "Jade Bay", "format", "HYPERMARKET",
                "headquarters", Map.of("street", "2 Lakeview Road", "city", "Hangzhou"), "scope", "NATIONAL",
                "owner", "nora")).text("id");
        String store = accountsApi.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                Map.of("code", "JB-01", "name", "Hangzhou West Lake", "city", "Hangzhou", "region", "EAST",
                        "format", "HYPERMARKET")))).body().get(0).path("id").asString();

        // the approved plan's promotion-spend target seeds the fund of its year
        String plan = "/api/accounts/" + account + "/plans/" + YEAR + "/versions/1";
        var drafted = accountsApi.post("/api/accounts/" + account + "/plans", Map.of("year", YEAR, "targets", List.of(
                Map.of("kpi", "SELL_THROUGH_VALUE", "value", 1_200_000, "baseline", 1_000_000),
                Map.of("kpi", "PROMOTION_SPEND", "value", 50_000, "baseline", 40_000),
                Map.of("kpi", "PROMOTIONS", "value", 6, "baseline", 4)),
                "phasing", List.of(100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
                        100_000, 100_000, 100_000),
                "actionItems", List.of(Map.of("what", "A promotion a quarter in every store", "owner", "nora",
                        "due", YEAR + "-12-31", "servesKpi", "PROMOTIONS"))));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        var submitted = accountsApi.post(plan + "/submit", null, drafted.etag());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(new Api(accounts.port()).as(TestTokens.nate()).post(plan + "/approve", null, submitted.etag()).status())
                .isEqualTo(200);
        JsonNode fund = await("the fund seeded from the plan").atMost(Duration.ofSeconds(60))
                .until(() -> promotionsApi.get("/api/promotions/funds?accountId=" + account).body().path("funds"),
                        funds -> funds.size() == 1).get(0);
        assertThat(fund.path("budget").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(fund.path("source").asString()).isEqualTo("PLAN");

        // the SKUs listed in the visits service, their costs in the promotions service
        for (String gtin : List.of(MILK, YOGHURT)) {
            assertThat(visitsApi.put("/api/visits/accounts/" + account + "/skus/" + gtin,
                    Map.of("name", "SKU " + gtin, "agreedRetailPrice", gtin.equals(MILK) ? "23.00" : "8.80"), "*")
                    .status()).isEqualTo(200);
        }
        promotionsApi.put("/api/promotions/product-costs/" + account + "/" + MILK,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null);

        // the evaluated promotion's sell-through: 8 weeks before, the week in store, the two weeks after
        StringBuilder csv = new StringBuilder(SellThroughUploads.HEADER);
        for (int day = -56; day < 21; day++) {
            long units = day < 0 ? 10 : day < 7 ? 20 : 8;
            csv.append("JB-01,").append(MILK).append(',').append(FROM.plusDays(day)).append(',').append(units).append(',')
                    .append(new BigDecimal("19.90").multiply(BigDecimal.valueOf(units)).toPlainString()).append(",CNY,\n");
        }
        await("the store known to sell-through").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> SellThroughUploads.push(sellThrough.port(), account, "jb-" + UUID.randomUUID(), csv.toString())
                        .statusCode() == 201);

        String evaluated = agreed(account, store, "Autumn milk week", MILK, "23.00", "19.90", FROM, FROM.plusDays(6),
                FROM.minusDays(5));
        promotions.bean(PromotionCalendar.class).advanceTo(TODAY);
        JsonNode first = awaitEvaluation(evaluated, e -> e.path("evaluation").asInt() == 1);
        assertThat(first.path("total").path("actualUnits").asLong()).isEqualTo(140);
        assertThat(first.path("total").path("netIncrementalUnits").decimalValue()).isEqualByComparingTo("42");
        assertThat(first.path("investment").path("total").decimalValue()).isEqualByComparingTo("1934.00");
        assertThat(first.path("roi").decimalValue()).isEqualByComparingTo("0.1303");

        // the running promotion: the visits service knows it, the coordinator's store check records its execution
        String running = agreed(account, store, "Yoghurt fortnight", YOGHURT, "8.80", "7.90", TODAY.minusDays(1),
                TODAY.plusDays(12), TODAY.minusDays(3));
        Api eric = new Api(visits.port()).as(TestTokens.eric());
        await("the visits service knows the running promotion").atMost(Duration.ofSeconds(60))
                .until(() -> eric.get("/api/visits/stores/" + store + "/promotions").body().toString().contains(running));
        var visit = eric.post("/api/visits", Map.of("region", "EAST", "storeId", store, "type", "MAINTENANCE",
                "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        assertThat(visit.status()).as(visit.body().toString()).isEqualTo(201);
        Map<String, Object> answer = new HashMap<>();
        answer.put("promotionId", running);
        answer.put("displayBuilt", true);
        var check = eric.post("/api/visits/" + visit.text("id") + "/store-check", Map.of(
                "skus", List.of(line(MILK, "23.00"), line(YOGHURT, "7.90")),
                "display", Map.of("secondaryDisplays", 1, "poster", true, "hangingFlag", false, "displayCabinet", true,
                        "promoterPresent", false),
                "promotions", List.of(answer)));
        assertThat(check.status()).as(check.body().toString()).isEqualTo(201);
        assertThat(photo(check.text("id"), running)).isEqualTo(201);
        JsonNode compliance = await("compliance").atMost(Duration.ofSeconds(30)).until(() -> eric.get(
                "/api/visits/promotions/" + running + "/compliance").body(), c -> c.path("executingStores").asInt() == 1);
        assertThat(compliance.path("checkedStores").asInt()).isEqualTo(1);

        // the review: the running promotion with its compliance, the evaluated one with its ROI, the fund and the KPIs
        JsonNode section = awaitReview(account, r -> r.at("/promotions/evaluated").size() == 1
                && r.at("/promotions/running").size() == 1
                && r.at("/promotions/running/0/execution/overall/executedStores").asInt() == 1).path("promotions");
        assertThat(section.at("/evaluated/0/roi").decimalValue()).isEqualByComparingTo("0.1303");
        assertThat(section.at("/evaluated/0/investment").decimalValue()).isEqualByComparingTo("1934.00");
        assertThat(section.at("/running/0/execution/overall/compliancePercent").decimalValue()).isEqualByComparingTo("100.0");
        // planned spend of each: 1,500 + discount per unit × 3,600 forecast units; the evaluated one draws its actual
        BigDecimal runningCommitted = new BigDecimal("1500.00").add(new BigDecimal("0.90").multiply(BigDecimal.valueOf(3600)));
        assertThat(section.at("/fund/committed").decimalValue())
                .isEqualByComparingTo(new BigDecimal("12660.00").add(runningCommitted));
        assertThat(section.at("/fund/remaining").decimalValue())
                .isEqualByComparingTo(new BigDecimal("50000.00").subtract(new BigDecimal("1934.00")).subtract(runningCommitted));

        // the retailer restates the first day: 10 sold, not 20
        var restated = SellThroughUploads.push(sellThrough.port(), account, "jb-fix-" + UUID.randomUUID(),
                SellThroughUploads.HEADER + "JB-01," + MILK + "," + FROM + ",10,199.00,CNY,\n");
        assertThat(restated.statusCode()).as(restated.body()).isEqualTo(201);
        JsonNode second = awaitEvaluation(evaluated, e -> e.path("evaluation").asInt() == 2);
        assertThat(second.path("trigger").asString()).isEqualTo("RESTATED");
        assertThat(second.path("investment").path("total").decimalValue()).isEqualByComparingTo("1903.00");
        assertThat(second.path("roi").decimalValue()).isEqualByComparingTo("0.1009");
        JsonNode after = awaitReview(account, r -> r.at("/promotions/evaluated/0/evaluation").asInt() == 2);
        assertThat(after.at("/promotions/evaluated/0/roi").decimalValue()).isEqualByComparingTo("0.1009");
        assertThat(after.at("/plan/targets").valueStream().filter(t -> t.path("kpi").asString().equals("PROMOTIONS"))
                .findFirst().orElseThrow().path("actual").decimalValue()).as("both agreed").isEqualByComparingTo("2");
    }

    /** A promotion of one SKU in the store, drafted and proposed by Nora, approved by Nate, agreed on that day. */
    private static String agreed(String account, String store, String name, String gtin, String regular, String promoted,
                                 LocalDate from, LocalDate to, LocalDate confirmedOn) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("name", name);
        terms.put("mechanics", List.of("PRICE_DISCOUNT", "FEATURE_DISPLAY"));
        terms.put("skus", List.of(Map.of("gtin", gtin, "category", gtin.equals(MILK) ? "UHT milk" : "Yoghurt",
                "regularPrice", regular, "promotedPrice", promoted)));
        terms.put("stores", Map.of("storeIds", List.of(store)));
        terms.put("inStore", Map.of("from", from.toString(), "to", to.toString()));
        terms.put("sellIn", Map.of("from", from.minusDays(14).toString(), "to", from.minusDays(1).toString()));
        terms.put("fees", List.of(Map.of("kind", "DISPLAY_FEE", "amount", "1500.00", "basis", "PER_STORE")));
        terms.put("forecast", Map.of("baselineUnits", 2400, "upliftUnits", 1200));
        terms.put("retailerFundsDiscount", false);
        var drafted = await("the SKU listed for the account").atMost(Duration.ofSeconds(60))
                .until(() -> promotionsApi.post("/api/promotions", Map.of("accountId", account, "terms", terms)),
                        r -> r.status() == 201);
        String id = drafted.text("id");
        var proposed = promotionsApi.post("/api/promotions/" + id + "/proposal", null, drafted.etag());
        var approved = new Api(promotions.port()).as(TestTokens.nate())
                .post("/api/promotions/" + id + "/approval", null, proposed.etag());
        var agreed = promotionsApi.post("/api/promotions/" + id + "/agreement", Map.of("confirmedBy", "Li Na, buyer",
                "confirmedOn", confirmedOn.toString(), "reference", "JB-" + name.hashCode()), approved.etag());
        assertThat(agreed.status()).as(agreed.body().toString()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> line(String gtin, String shelfPrice) {
        return Map.of("gtin", gtin, "onShelf", true, "shelfPrice", shelfPrice, "facings", 4, "outOfStock", false);
    }

    /** Adds a photo of the promotion's execution to the check, as the coordinator's phone uploads it. */
    private static int photo(String checkId, String promotion) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10,
                'J', 'F', 'I', 'F'}) {
            @Override
            public String getFilename() {
                return "endcap.jpg";
            }
        });
        return RestClient.builder().baseUrl("http://localhost:" + visits.port())
                .defaultHeaders(h -> h.setBearerAuth(TestTokens.eric())).build()
                .post().uri("/api/visits/store-checks/" + checkId + "/photos?promotionId=" + promotion)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static JsonNode awaitEvaluation(String promotion, Predicate<JsonNode> condition) {
        return await("the evaluation of " + promotion).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> promotionsApi.get("/api/promotions/" + promotion + "/evaluation"),
                        r -> r.status() == 200 && condition.test(r.body())).body();
    }

    private static JsonNode awaitReview(String account, Predicate<JsonNode> condition) {
        return await("the review of " + account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> reviewsApi.get("/api/reviews/" + account + "?year=" + YEAR),
                        r -> r.status() == 200 && condition.test(r.body())).body();
    }
}
