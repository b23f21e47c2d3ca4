package io.kam.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.kam.platform.testing.TestTokens;

/** A retailer's POS file pushed to the sell-through service's API as CSV, as a national KA manager uploads it. */
final class SellThroughUploads {

    static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SellThroughUploads() {
    }

    /** Pushes the CSV (with its header) as one strict batch; returns the response. */
    static HttpResponse<String> push(int port, String account, String batchId, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/sell-through/batches?batchId=" + batchId + "&account=" + account + "&mode=strict"))
                .header("Authorization", "Bearer " + TestTokens.nora())
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
