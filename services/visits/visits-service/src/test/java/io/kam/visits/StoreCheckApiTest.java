package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Store checks through the API: listed SKUs with their agreed prices, lines for each, the score, photos as evidence,
 * and every bad input refused with nothing written.
 */
class StoreCheckApiTest extends ServiceTest {

    static final String MILK = "6901234567892";
    static final String YOGHURT = "06901234567908";
    static final byte[] JPEG = withHeader((byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0);
    static final byte[] PNG = withHeader((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A,
            (byte) 0x1A, (byte) 0x0A);
    static final byte[] WEBP = withHeader((byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F', (byte) 0x24, (byte) 0,
            (byte) 0, (byte) 0, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P');

    private Planned planned;

    @BeforeEach
    void anEastStoreVisitTodayOfAnAccountListingMilkAndYoghurt() {
        planned = aStoreVisitToday(Region.EAST, eric);
        list(planned.account(), MILK, "Yangtze UHT Milk 1 L", "13.50");
        list(planned.account(), YOGHURT, "Yangtze Yoghurt 200 g", "8.80");
    }

    @Test
    void aCheckIsScoredAndTheDeviationOfEachShelfPriceShown() {
        var recorded = eric.post(check(), aCheck(line(MILK, true, "13.90", 6, false), line(YOGHURT, true, "9.90", 2, true)));

        assertThat(recorded.status()).isEqualTo(201);
        JsonNode body = recorded.body();
        assertThat(body.path("score").decimalValue()).isEqualByComparingTo("70.8");
        assertThat(body.at("/parts/price").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(body.at("/skus/0/gtin").asString()).isEqualTo("0" + MILK);
        assertThat(body.at("/skus/0/deviationPercent").decimalValue()).isEqualByComparingTo("2.96");
        assertThat(body.at("/skus/1/deviationPercent").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(body.at("/competitors/0/brand").asString()).isEqualTo("Bright Dairy");
        assertThat(body.path("checkedBy").asString()).isEqualTo("eric");
        assertThat(visit(planned.visit()).path("storeCheckId").asString()).isEqualTo(body.path("id").asString());
        assertThat(eric.get("/api/visits/" + planned.visit() + "/store-check").body().path("id"))
                .isEqualTo(body.path("id"));
        var event = awaitEvents(planned.account(), e -> e.stream().anyMatch(v -> v.type().equals("kam.storecheck.recorded")))
                .stream().filter(e -> e.type().equals("kam.storecheck.recorded")).findFirst().orElseThrow();
        assertThat(event.data().path("score").decimalValue()).isEqualByComparingTo("70.8");
        assertThat(event.data().path("storeId").asString()).isEqualTo(planned.store().toString());
        assertThat(event.data().path("region").asString()).isEqualTo("EAST");
    }

    @Test
    void aSecondCheckOfTheSameStoreAndVisitIsAConflict() {
        assertThat(eric.post(check(), aCheck(line(MILK, false, null, 0, false), line(YOGHURT, false, null, 0, false)))
                .status()).isEqualTo(201);

        var again = nora.post(check(), aCheck(line(MILK, true, "13.50", 4, false), line(YOGHURT, true, "8.80", 2, false)));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("duplicate-store-check");
        assertThat(eric.get("/api/visits/" + planned.visit() + "/store-check").body().path("score").decimalValue())
                .as("the first check stands: nothing on shelf, 15 × (1 + 2/3 + 0) / 3 for display")
                .isEqualByComparingTo("8.3");
    }

    @Test
    void negativeAbsurdAndMissingPricesAreRefusedWithTheirLines() {
        var negative = eric.post(check(), aCheck(line(MILK, true, "-13.50", 4, false), line(YOGHURT, true, "8.80", 2, false)));
        var absurd = eric.post(check(), aCheck(line(MILK, true, "1350.00", 4, false), line(YOGHURT, true, "0.80", 2, false)));
        var missing = eric.post(check(), aCheck(line(MILK, true, null, 0, false), line(YOGHURT, false, "8.80", 1, true)));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.fieldErrors()).containsExactly("skus[0].shelfPrice: must be a positive price in yuan");
        assertThat(absurd.fieldErrors()).containsExactly(
                "skus[0].shelfPrice: is 1350.00 yuan, more than 5 times the agreed retail price of 13.50; check the price",
                "skus[1].shelfPrice: is 0.80 yuan, less than 1/5 of the agreed retail price of 8.80; check the price");
        assertThat(missing.fieldErrors()).containsExactly("skus[0].facings: must be at least 1 when the SKU is on shelf",
                "skus[0].shelfPrice: is required when the SKU is on shelf",
                "skus[1].shelfPrice: must be absent when the SKU is not on shelf",
                "skus[1].facings: must be 0 when the SKU is not on shelf",
                "skus[1].outOfStock: applies only to a SKU on shelf whose place is empty");
        assertThat(eric.get("/api/visits/" + planned.visit() + "/store-check").status()).as("nothing written").isEqualTo(404);
    }

    @Test
    void aCheckCoversEveryListedSkuOnceAndNothingElse() {
        var partial = eric.post(check(), aCheck(line(MILK, true, "13.50", 4, false)));
        var extra = eric.post(check(), aCheck(line(MILK, true, "13.50", 4, false), line(YOGHURT, true, "8.80", 2, false),
                line("96385074", true, "3.00", 1, false)));
        var twice = eric.post(check(), aCheck(line(MILK, true, "13.50", 4, false), line("0" + MILK, true, "13.50", 4, false),
                line(YOGHURT, true, "8.80", 2, false)));
        var badGtin = eric.post(check(), aCheck(line("6901234567891", true, "13.50", 4, false), line(YOGHURT, true, "8.80", 2, false)));

        assertThat(partial.fieldErrors()).containsExactly("skus: misses listed SKUs [06901234567908]: a store check covers "
                + "every SKU listed for the account");
        assertThat(extra.fieldErrors()).containsExactly("skus[2].gtin: is not listed for the account");
        assertThat(twice.fieldErrors()).containsExactly("skus[1].gtin: is checked twice in this store check");
        assertThat(badGtin.fieldErrors()).contains("skus[0].gtin: has the check digit 1 but its digits call for 2");
    }

    @Test
    void checksNeedAStoreVisitThatHasComeAndAnAccountThatListsSkus() {
        var headOffice = eric.post("/api/visits", Map.of("region", "EAST", "accountId", planned.account().toString(),
                "type", "SECOND", "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        var tomorrow = eric.post("/api/visits", Map.of("region", "EAST", "storeId", planned.store().toString(),
                "type", "STORE_CHECK", "plannedDate", TODAY.plusDays(1).toString(), "slot", "TRADING_HOURS"));
        Planned unlisted = aStoreVisitToday(Region.EAST, eric);
        var body = aCheck(line(MILK, true, "13.50", 4, false), line(YOGHURT, true, "8.80", 2, false));

        assertThat(eric.post("/api/visits/" + headOffice.text("id") + "/store-check", body).text("code"))
                .isEqualTo("not-a-store-visit");
        assertThat(eric.post("/api/visits/" + tomorrow.text("id") + "/store-check", body).text("code"))
                .isEqualTo("visit-not-yet-due");
        assertThat(eric.post("/api/visits/" + unlisted.visit() + "/store-check", body).text("code"))
                .isEqualTo("no-listed-skus");
        assertThat(eric.post("/api/visits/" + UUID.randomUUID() + "/store-check", body).status()).isEqualTo(404);
    }

    @Test
    void skusAreListedWithAValidGtinAndAPositivePrice_byManagersOnly() {
        String skus = "/api/visits/accounts/" + planned.account() + "/skus/";

        assertThat(nora.put(skus + "6901234567891", Map.of("name", "x", "agreedRetailPrice", "1.00"), "*").fieldErrors())
                .containsExactly("gtin: has the check digit 1 but its digits call for 2");
        assertThat(nora.put(skus + "12345", Map.of("name", "x", "agreedRetailPrice", "1.00"), "*").fieldErrors())
                .containsExactly("gtin: must be a GTIN of 8, 12, 13 or 14 digits");
        assertThat(nora.put(skus + "96385074", Map.of("name", "x", "agreedRetailPrice", "-1.00"), "*").fieldErrors())
                .containsExactly("agreedRetailPrice: must be a positive price in yuan");
        assertThat(eric.put(skus + "96385074", Map.of("name", "x", "agreedRetailPrice", "1.00"), "*").status()).isEqualTo(403);
        var changed = nora.put(skus + MILK, Map.of("name", "Yangtze UHT Milk 1 L", "agreedRetailPrice", "13.90"), "\"0\"");
        assertThat(changed.body().path("agreedRetailPrice").decimalValue()).isEqualByComparingTo("13.90");
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(nora.put(skus + "036000291452", Map.of("name", "x", "agreedRetailPrice", "1.00"), "\"0\"").status())
                .as("an unlisted SKU is listed with If-Match: *").isEqualTo(409);
        assertThat(nora.delete(skus + YOGHURT, "\"0\"").status()).isEqualTo(204);
        assertThat(eric.get("/api/visits/accounts/" + planned.account() + "/skus").body().valueStream()
                .map(s -> s.path("gtin").asString()).toList()).containsExactly("0" + MILK);
        assertThat(types(awaitEvents(planned.account(), e -> e.stream().anyMatch(v -> v.type().equals("kam.sku.delisted")))))
                .containsSubsequence("kam.sku.listed", "kam.sku.listed", "kam.sku.changed", "kam.sku.delisted");
    }

    @Test
    void photosAreJpegPngOrWebpByContent_uptoTheSizeLimit_andServedToThoseWhoSeeTheCheck() {
        String checkId = eric.post(check(), aCheck(line(MILK, false, null, 0, false), line(YOGHURT, false, null, 0, false)))
                .text("id");

        var jpeg = upload(checkId, JPEG, "shelf.jpg", TestTokens.eric());
        var png = upload(checkId, PNG, "endcap.png", TestTokens.nora());
        var webp = upload(checkId, WEBP, "poster.webp", TestTokens.eric());
        var gifNamedJpeg = upload(checkId, "GIF89a....".getBytes(), "shelf.jpg", TestTokens.eric());
        var tooLarge = upload(checkId, Arrays.copyOf(JPEG, 5 * 1024 * 1024 + 1), "huge.jpg", TestTokens.eric());
        var empty = upload(checkId, new byte[0], "empty.jpg", TestTokens.eric());

        assertThat(List.of(jpeg.status(), png.status(), webp.status())).containsOnly(201);
        assertThat(List.of(jpeg.body().path("contentType").asString(), png.body().path("contentType").asString(),
                webp.body().path("contentType").asString())).containsExactly("image/jpeg", "image/png", "image/webp");
        assertThat(gifNamedJpeg.status()).isEqualTo(400);
        assertThat(gifNamedJpeg.body().toString()).contains("must be a JPEG, PNG or WebP image");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().toString()).contains("more than the limit of 5242880 bytes");
        assertThat(empty.status()).isEqualTo(400);
        var farTooLarge = upload(checkId, Arrays.copyOf(JPEG, 7 * 1024 * 1024), "raw.jpg", TestTokens.eric());
        assertThat(farTooLarge.status()).as("cut off by the container as it arrives").isEqualTo(413);
        assertThat(farTooLarge.body().path("status").asInt()).isEqualTo(413);
        assertThat(eric.get("/api/visits/store-checks/" + checkId).body().path("photos")).hasSize(3);

        String href = jpeg.body().path("href").asString();
        var served = client(TestTokens.eric()).get().uri(href).retrieve().toEntity(byte[].class);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getBody()).isEqualTo(JPEG);
        assertThat(statusOf(client(TestTokens.sofia()), href)).as("another region's coordinator does not see it")
                .isEqualTo(404);
        assertThat(statusOf(client(TestTokens.integrationForAllAccounts()), href)).isEqualTo(403);
        assertThat(upload(checkId, JPEG, "x.jpg", TestTokens.sofia()).status()).isEqualTo(404);
        var event = awaitEvents(planned.account(), e -> e.stream().filter(v -> v.type().equals("kam.storecheck.photo-added"))
                .count() == 3).getLast();
        assertThat(event.data().path("sha256").asString()).hasSize(64);
    }

    private String check() {
        return "/api/visits/" + planned.visit() + "/store-check";
    }

    private void list(UUID account, String gtin, String name, String price) {
        var listed = nora.put("/api/visits/accounts/" + account + "/skus/" + gtin,
                Map.of("name", name, "agreedRetailPrice", price), "*");
        assertThat(listed.status()).isEqualTo(200);
    }

    @SafeVarargs
    private static Map<String, Object> aCheck(Map<String, Object>... lines) {
        return Map.of("skus", List.of(lines),
                "display", Map.of("secondaryDisplays", 1, "poster", true, "hangingFlag", false, "displayCabinet", true,
                        "promoterPresent", false),
                "competitors", List.of(Map.of("brand", "Bright Dairy", "product", "UHT Milk 250 ml x 12",
                        "price", "39.90", "promotion", "Buy two, get one free")));
    }

    private static Map<String, Object> line(String gtin, boolean onShelf, String price, int facings, boolean outOfStock) {
        Map<String, Object> line = new HashMap<>();
        line.put("gtin", gtin);
        line.put("onShelf", onShelf);
        line.put("shelfPrice", price);
        line.put("facings", facings);
        line.put("outOfStock", outOfStock);
        return line;
    }

    private record Upload(int status, JsonNode body) {
    }

    private Upload upload(String checkId, byte[] content, String filename, String token) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.IMAGE_JPEG);
        return client(token).post().uri("/api/visits/store-checks/" + checkId + "/photos")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((req, res) -> {
                    String text = new String(res.getBody().readAllBytes());
                    return new Upload(res.getStatusCode().value(),
                            text.isBlank() ? null : JsonMapper.builder().build().readTree(text));
                });
    }

    private static int statusOf(RestClient client, String path) {
        Integer status = client.get().uri(path).exchange((req, res) -> res.getStatusCode().value());
        return status;
    }

    private RestClient client(String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private static byte[] withHeader(byte... header) {
        byte[] content = new byte[2048];
        System.arraycopy(header, 0, content, 0, header.length);
        for (int i = header.length; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        return content;
    }
}
