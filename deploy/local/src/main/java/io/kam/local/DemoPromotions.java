package io.kam.local;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.kam.platform.calendar.MarketCalendar;

/**
 * Seeds the promotions of {@code deploy/demo/demo-promotions.json} (DEV ONLY), for each chain of the file that has
 * none yet: its SKUs listed (visits service) and costed (promotions service), a fund where the chain's plan gives
 * none, 120 days of sell-through in its stores pushed through the sell-through API, and its promotions taken through
 * the API as far as their stage says: Nora drafts, proposes, agrees, settles and cancels; Nate returns and approves
 * (never his own). Promotions agreed before they ran and recorded afterwards end at once, and the promotions
 * service's evaluation job evaluates them within a minute of the start. The forecast is left out, so each is
 * proposed from the history just pushed.
 */
final class DemoPromotions {

    static final String FILE = "demo-promotions.json";
    private static final String NORA = "nora";
    private static final String NATE = "nate";
    private static final int HISTORY_DAYS = 120;

    private final DemoClient client;
    private final LocalDate today = LocalDate.now(MarketCalendar.ZONE);
    private String subject = "promotions";
    private int seeded;

    private DemoPromotions(DemoClient client) {
        this.client = client;
    }

    /** Seeds the chains of the file that have no promotion yet; {@code accounts} gives an account's id by its name. */
    static void seed(DemoClient client, Path file, Function<String, String> accounts)
            throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            return;
        }
        DemoPromotions demo = new DemoPromotions(client);
        for (JsonNode chain : DemoClient.JSON.readTree(Files.readString(file)).path("accounts")) {
            String name = chain.path("account").asString();
            String account = accounts.apply(name);
            if (account == null) {
                throw new Supervisor.StartFailure("demo data, promotions: no account \"" + name + "\" (" + FILE + ")");
            }
            demo.subject = "promotions of " + name;
            if (demo.call(NORA, "GET", "/api/promotions?size=1&accountId=" + account, null, null, 200).path("total")
                    .asLong() == 0) {
                demo.seedChain(account, chain);
            }
        }
        if (demo.seeded > 0) {
            System.out.println("  demo data: " + demo.seeded + " promotions at every stage, two evaluated within a minute"
                    + " (deploy/demo/" + FILE + ")");
        }
    }

    private void seedChain(String account, JsonNode chain) throws IOException, InterruptedException {
        Map<String, String> stores = storeIds(account);
        List<String> storeIds = new ArrayList<>();
        for (JsonNode code : chain.path("stores")) {
            String id = stores.get(code.asString());
            if (id == null) {
                throw new Supervisor.StartFailure("demo data, " + subject + ": no store " + code.asString());
            }
            storeIds.add(id);
        }
        Map<String, JsonNode> skus = new HashMap<>();
        for (JsonNode sku : chain.path("skus")) {
            skus.put(sku.path("gtin").asString(), sku);
            call(NORA, "PUT", "/api/visits/accounts/" + account + "/skus/" + sku.path("gtin").asString(),
                    object().put("name", sku.path("name").asString())
                            .put("agreedRetailPrice", sku.path("agreedRetailPrice").asString()), "*", 200);
            call(NORA, "PUT", "/api/promotions/product-costs/" + account + "/" + sku.path("gtin").asString(),
                    object().put("category", sku.path("category").asString())
                            .put("listPrice", sku.path("listPrice").asString())
                            .put("unitCost", sku.path("unitCost").asString()), null, 200);
        }
        if (chain.has("fund") && call(NORA, "GET", "/api/promotions/funds?accountId=" + account + "&year="
                + today.getYear(), null, null, 200).path("funds").isEmpty()) {
            call(NORA, "PUT", "/api/promotions/funds", object().put("accountId", account).put("year", today.getYear())
                    .put("amount", chain.path("fund").asString()), null, 200);
        }
        pushSellThrough(account, chain, skus);
        for (JsonNode promotion : chain.path("promotions")) {
            subject = "promotion " + promotion.path("name").asString();
            JsonNode sku = skus.get(promotion.path("sku").asString());
            if (sku == null) {
                throw new Supervisor.StartFailure("demo data, " + subject + ": its SKU is not among the chain's");
            }
            seedPromotion(account, storeIds, sku, promotion);
            seeded++;
        }
    }

    /**
     * The chain's stores × SKUs for the last 120 days, each SKU's daily units with a weekend lift, times the promotion's
     * lift on the in-store days of its evaluated promotions; one strict batch, at the agreed retail price (the
     * promoted price on promoted days).
     */
    private void pushSellThrough(String account, JsonNode chain, Map<String, JsonNode> skus)
            throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("store,gtin,date,units,sales,currency,stock\n");
        for (JsonNode code : chain.path("stores")) {
            for (JsonNode sku : chain.path("skus")) {
                String gtin = sku.path("gtin").asString();
                for (LocalDate day = today.minusDays(HISTORY_DAYS); day.isBefore(today); day = day.plusDays(1)) {
                    double units = sku.path("dailyUnits").asDouble() * (day.getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0);
                    BigDecimal price = new BigDecimal(sku.path("agreedRetailPrice").asString());
                    for (JsonNode promotion : chain.path("promotions")) {
                        if (promotion.path("stage").asString().equals("EVALUATED") && promotion.path("sku").asString().equals(gtin)
                                && !day.isBefore(from(promotion)) && !day.isAfter(to(promotion))) {
                            units *= promotion.path("lift").asDouble();
                            price = new BigDecimal(promotion.path("promotedPrice").asString());
                        }
                    }
                    long whole = Math.round(units);
                    csv.append(code.asString()).append(',').append(gtin).append(',').append(day).append(',').append(whole)
                            .append(',').append(price.multiply(BigDecimal.valueOf(whole)).setScale(2, RoundingMode.HALF_UP))
                            .append(",CNY,\n");
                }
            }
        }
        subject = "sell-through history";
        var pushed = client.send(subject, NORA, "POST", "/api/sell-through/batches?batchId=demo-history-" + account
                + "&account=" + account + "&mode=strict", csv.toString(), "text/csv; charset=utf-8", null);
        if (pushed.status() != 200) { // 200: the batch's earlier outcome, from a start that stopped after the push
            pushed.expect(201);
        }
    }

    private void seedPromotion(String account, List<String> storeIds, JsonNode sku, JsonNode promotion)
            throws IOException, InterruptedException {
        String stage = promotion.path("stage").asString();
        LocalDate from = from(promotion);
        ObjectNode terms = object().put("name", promotion.path("name").asString());
        terms.set("mechanics", promotion.path("mechanics"));
        ArrayNode promoted = terms.putArray("skus");
        promoted.addObject().put("gtin", sku.path("gtin").asString()).put("category", sku.path("category").asString())
                .put("regularPrice", sku.path("agreedRetailPrice").asString())
                .put("promotedPrice", promotion.path("promotedPrice").asString());
        ArrayNode stores = terms.putObject("stores").putArray("storeIds");
        storeIds.forEach(stores::add);
        terms.putObject("inStore").put("from", from.toString()).put("to", to(promotion).toString());
        terms.putObject("sellIn").put("from", from.minusDays(14).toString()).put("to", from.minusDays(1).toString());
        terms.putArray("fees").addObject().put("kind", "DISPLAY_FEE").put("amount", promotion.path("fee").asString())
                .put("basis", "PER_STORE");
        terms.put("retailerFundsDiscount", false);
        ObjectNode draft = object().put("accountId", account);
        draft.set("terms", terms);
        JsonNode current = call(NORA, "POST", "/api/promotions", draft, null, 201);
        String path = "/api/promotions/" + current.path("id").asString();
        if (stage.equals("DRAFT")) {
            return;
        }
        current = call(NORA, "POST", path + "/proposal", null, etag(current), 200);
        if (stage.equals("PROPOSED")) {
            return;
        }
        if (stage.equals("RETURNED")) {
            call(NATE, "POST", path + "/return", object().put("reason", promotion.path("returnReason").asString()),
                    etag(current), 200);
            return;
        }
        current = call(NATE, "POST", path + "/approval", null, etag(current), 200);
        if (stage.equals("APPROVED")) {
            return;
        }
        LocalDate confirmed = from.isBefore(today) ? from.minusDays(7) : today;
        current = call(NORA, "POST", path + "/agreement", object().put("confirmedBy", "the category buyer")
                .put("confirmedOn", confirmed.toString()).put("reference", "PO-" + from), etag(current), 200);
        if (stage.equals("CANCELLED")) {
            call(NORA, "POST", path + "/cancellation", object().put("reason", promotion.path("cancelReason").asString()),
                    etag(current), 200);
        }
        if (stage.equals("EVALUATED") && promotion.has("settledFee")) {
            BigDecimal settled = new BigDecimal(promotion.path("settledFee").asString())
                    .multiply(BigDecimal.valueOf(storeIds.size()));
            ObjectNode fees = object();
            fees.putArray("fees").addObject().put("kind", "DISPLAY_FEE").put("amount", settled.toPlainString())
                    .put("note", "settled on the retailer's invoice");
            call(NORA, "PUT", path + "/settlement", fees, etag(current), 200);
        }
    }

    private Map<String, String> storeIds(String account) throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode listing = call(NORA, "GET", "/api/accounts/" + account + "/stores?size=1000&page=" + page, null, null,
                    200);
            listing.path("items").forEach(store -> ids.put(store.path("code").asString(), store.path("id").asString()));
            if (page + 1 >= listing.path("totalPages").asInt()) {
                return ids;
            }
        }
    }

    private LocalDate from(JsonNode promotion) {
        return today.plusDays(promotion.path("inStore").path("inDays").asLong());
    }

    private LocalDate to(JsonNode promotion) {
        return from(promotion).plusDays(promotion.path("inStore").path("days").asLong() - 1);
    }

    private static ObjectNode object() {
        return DemoClient.JSON.createObjectNode();
    }

    private static String etag(JsonNode versioned) {
        return "\"" + versioned.path("version").asLong() + "\"";
    }

    private JsonNode call(String user, String method, String path, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        return client.call(subject, user, method, path, body, ifMatch, expected);
    }
}
