package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.AccountsApplication;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ProjectionApplication;
import io.kam.sellthrough.SellThroughApplication;
import tools.jackson.databind.JsonNode;

/**
 * A retailer's POS file, end to end through the real broker: stores opened in the accounts service, a CSV batch
 * pushed to the sell-through service, a restatement of one row, and the projection's figures per store equal to
 * the accepted rows, the correction counted as its delta.
 */
class SellThroughToReviewTest {

    private static final LocalDate DAY_1 = LocalDate.now(MarketCalendar.ZONE).minusDays(3);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);

    private static RunningService accounts;
    private static RunningService sellThrough;
    private static RunningService projection;
    private static Api accountsApi;
    private static Api reviewsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system3_accounts", Map.of());
        sellThrough = RunningService.start(SellThroughApplication.class, "system3_sellthrough", Map.of());
        projection = RunningService.start(ProjectionApplication.class, "system3_projection", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        reviewsApi = new Api(projection.port()).as(TestTokens.nora());
    }

    @AfterAll
    static void stopServices() {
        for (RunningService service : new RunningService[] {projection, sellThrough, accounts}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aPushedBatchAndItsRestatementAddUpInTheProjection() throws Exception {
        String account = accountsApi.post("/api/accounts", Map.of("name", "Golden Harbour Marts " + UUID.randomUUID(),
                "banner", "Golden Harbour", "format", "SUPERMARKET",
                "headquarters", Map.of("street", "8 Haian Road", "city", "Ningbo"), "scope", "NATIONAL", "owner", "nora"))
                .text("id");
        accountsApi.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                Map.of("code", "NB-01", "name", "Ningbo 1", "city", "Ningbo", "region", "EAST", "format", "SUPERMARKET"),
                Map.of("code", "GZ-01", "name", "Guangzhou 1", "city", "Guangzhou", "region", "SOUTH", "format", "SUPERMARKET"))));
        await("stores known to sell-through").atMost(Duration.ofSeconds(60)).until(() -> JdbcClient
                .create(sellThrough.bean(javax.sql.DataSource.class))
                .sql("select count(*) from store where account_id = ?").param(UUID.fromString(account))
                .query(Long.class).single() == 2);

        StringBuilder csv = new StringBuilder(SellThroughUploads.HEADER);
        Map<String, BigDecimal> salesByStore = new HashMap<>();
        Map<String, Long> unitsByStore = new HashMap<>();
        for (String store : List.of("NB-01", "GZ-01")) {
            for (LocalDate day : List.of(DAY_1, DAY_2)) {
                for (int product = 1; product <= 3; product++) {
                    int units = product * 4 + (store.startsWith("NB") ? 1 : 0);
                    BigDecimal sales = new BigDecimal("12.35").multiply(BigDecimal.valueOf(units));
                    csv.append(store).append(',').append(gtin(product)).append(',').append(day).append(',')
                            .append(units).append(',').append(sales.toPlainString()).append(",CNY,\n");
                    salesByStore.merge(store, sales, BigDecimal::add);
                    unitsByStore.merge(store, (long) units, Long::sum);
                }
            }
        }
        var first = push(account, "first-" + UUID.randomUUID(), csv.toString());
        // The retailer corrects one Ningbo figure: 5 units for 61.75 become 7 units for 86.45.
        var correction = push(account, "fix-" + UUID.randomUUID(), SellThroughUploads.HEADER
                + "NB-01," + gtin(1) + "," + DAY_1 + ",7,86.45,CNY,\n");
        salesByStore.merge("NB-01", new BigDecimal("24.70"), BigDecimal::add);
        unitsByStore.merge("NB-01", 2L, Long::sum);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
        String report = "/api/reviews/" + account + "/sell-through?grain=DAY&by=STORE&from=" + DAY_1 + "&to=" + DAY_2;
        JsonNode rows = await("the projection's totals").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> reviewsApi.get(report), r -> r.status() == 200
                        && total(r.body().path("rows"), "NB-01").compareTo(salesByStore.get("NB-01")) == 0
                        && total(r.body().path("rows"), "GZ-01").compareTo(salesByStore.get("GZ-01")) == 0)
                .body().path("rows");
        assertThat(units(rows, "NB-01")).isEqualTo(unitsByStore.get("NB-01"));
        assertThat(units(rows, "GZ-01")).isEqualTo(unitsByStore.get("GZ-01"));
        var byRegion = reviewsApi.get("/api/reviews/" + account + "/sell-through?grain=MONTH&by=REGION&from=" + DAY_1
                + "&to=" + DAY_2).body().path("rows");
        assertThat(byRegion.valueStream().filter(r -> "SOUTH".equals(r.path("key").asString()))
                .map(r -> r.path("sales").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(salesByStore.get("GZ-01"));
    }

    private HttpResponse<String> push(String account, String batchId, String csv) throws Exception {
        return SellThroughUploads.push(sellThrough.port(), account, batchId, csv);
    }

    private static BigDecimal total(JsonNode rows, String store) {
        return rows.valueStream().filter(r -> store.equals(r.path("key").asString()))
                .map(r -> r.path("sales").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long units(JsonNode rows, String store) {
        return rows.valueStream().filter(r -> store.equals(r.path("key").asString()))
                .mapToLong(r -> r.path("units").asLong()).sum();
    }

    /** The n-th product's EAN-13 with its check digit. */
    private static String gtin(int n) {
        String digits = "690" + String.format("%09d", n);
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
