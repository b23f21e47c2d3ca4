package io.kam.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds the demo chains of {@code deploy/demo/demo-data.json} through the gateway, as Nora, so the platform shows
 * something real the moment it starts, and makes the dev coordinators Eric and Sofia the coordinators of their regions
 * in the visits service. Idempotent: a chain whose account name exists already is left alone.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final String token;

    private DemoData(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** Seeds what is missing; returns how many chains it created. */
    static int seed(Path file, String gateway, String tokenUri) throws IOException, InterruptedException {
        DemoData demo = new DemoData(gateway, noraToken(tokenUri));
        JsonNode chains = JSON.readTree(Files.readString(file)).path("chains");
        Set<String> existing = demo.existingNames();
        int created = 0;
        for (JsonNode chain : chains) {
            if (!existing.contains(chain.path("account").path("name").asString().toLowerCase())) {
                demo.create(chain);
                created++;
            }
        }
        demo.assignCoordinators();
        return created;
    }

    /** The dev logins' regions get them as coordinators, so that the visits schedule shows whose visits are whose. */
    private void assignCoordinators() throws IOException, InterruptedException {
        for (var region : java.util.Map.of("EAST", "eric", "SOUTH", "sofia").entrySet()) {
            ObjectNode body = JSON.createObjectNode().put("coordinator", region.getValue());
            call("PUT", "/api/visits/regions/" + region.getKey() + "/coordinator", body, null, 200);
        }
    }

    private void create(JsonNode chain) throws IOException, InterruptedException {
        JsonNode account = call("POST", "/api/accounts", chain.path("account"), null, 201);
        String base = "/api/accounts/" + account.path("id").asString();
        ObjectNode stores = JSON.createObjectNode();
        stores.set("stores", chain.path("stores"));
        call("POST", base + "/stores/bulk", stores, null, 201);
        for (JsonNode contact : chain.path("contacts")) {
            call("POST", base + "/contacts", contact, null, 201);
        }
        call("PUT", base + "/classification", chain.path("classification"),
                "\"" + account.path("version").asLong() + "\"", 200);
    }

    private Set<String> existingNames() throws IOException, InterruptedException {
        Set<String> names = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode listing = call("GET", "/api/accounts?size=200&page=" + page, null, null, 200);
            listing.path("items").forEach(item -> names.add(item.path("name").asString().toLowerCase()));
            if (page + 1 >= listing.path("totalPages").asInt()) {
                return names;
            }
        }
    }

    private JsonNode call(String method, String path, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new Supervisor.StartFailure("demo data: " + method + " " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private static String noraToken(String tokenUri) throws IOException, InterruptedException {
        String form = String.join("&", List.of("grant_type=password", "client_id=kam-web", "username=nora",
                "password=" + URLEncoder.encode("nora-dev", StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Supervisor.StartFailure("demo data: could not log in as nora (" + response.statusCode() + ")");
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
