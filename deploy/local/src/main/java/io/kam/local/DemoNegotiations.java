package io.kam.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.kam.local.DemoClient.Answer;
import io.kam.platform.calendar.MarketCalendar;

/**
 * Seeds the negotiations of {@code deploy/demo/demo-negotiations.json} (DEV ONLY): for each chain of the file, the
 * buyer's names for terms mapped in its alias table, then each negotiation whose year the chain has none of yet,
 * taken through the API as far as the file goes: opened and prepared by Nora, approved by another manager (never the
 * author), its rounds recorded with their asks and claims, each followed by its gives (each linked to the get it
 * bought), and, when the file has one, the agreement signed, in force for the whole year. So the current year shows a
 * signed agreement, and the next year a negotiation in its rounds.
 * <p>
 * The negotiations service learns of accounts, stores and approved plans from {@code kam.accounts.v1}: a chain created
 * moments ago may not be known there yet, so a call refused for that is asked again, for a while.
 */
final class DemoNegotiations {

    static final String FILE = "demo-negotiations.json";
    private static final String NORA = "nora";
    /** How long a call waits for the negotiations service to learn of the account or its approved plan. */
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(60);

    private final DemoClient client;
    private final LocalDate today = LocalDate.now(MarketCalendar.ZONE);
    private String subject = "negotiations";
    private int aliases;
    private int signed;
    private int inRounds;

    private DemoNegotiations(DemoClient client) {
        this.client = client;
    }

    /** Seeds what the chains of the file lack; {@code accounts} gives an account's id by its name. */
    static void seed(DemoClient client, Path file, Function<String, String> accounts)
            throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            return;
        }
        DemoNegotiations demo = new DemoNegotiations(client);
        for (JsonNode chain : DemoClient.JSON.readTree(Files.readString(file)).path("accounts")) {
            String name = chain.path("account").asString();
            String account = accounts.apply(name);
            if (account == null) {
                throw new Supervisor.StartFailure("demo data, negotiations: no account \"" + name + "\" (" + FILE + ")");
            }
            demo.subject = "negotiations of " + name;
            demo.mapAliases(account, chain.path("aliases"));
            for (JsonNode negotiation : chain.path("negotiations")) {
                demo.seedNegotiation(account, name, negotiation);
            }
        }
        if (demo.aliases + demo.signed + demo.inRounds > 0) {
            System.out.println("  demo data: " + demo.aliases + " term aliases, " + demo.signed + " signed agreements, "
                    + demo.inRounds + " negotiations in their rounds (deploy/demo/" + FILE + ")");
        }
    }

    /** Maps each of the buyer's names not yet mapped to its kind (a mapping already there is left alone). */
    private void mapAliases(String account, JsonNode names) throws IOException, InterruptedException {
        Map<String, String> mapped = new HashMap<>();
        call("GET", "/api/negotiations/aliases?accountId=" + account, null, null, 200).path("aliases")
                .forEach(a -> mapped.put(key(a.path("buyerName").asString()), a.path("kind").asString()));
        for (Map.Entry<String, JsonNode> alias : names.properties()) {
            String kind = alias.getValue().asString();
            if (!kind.equals(mapped.get(key(alias.getKey())))) {
                patiently(NORA, "PUT", "/api/negotiations/aliases", object().put("accountId", account)
                        .put("buyerName", alias.getKey()).put("kind", kind), null, "accountId").expect(200);
                aliases++;
            }
        }
    }

    private void seedNegotiation(String account, String name, JsonNode file) throws IOException, InterruptedException {
        int year = year(file.path("year").asString());
        subject = name + "'s " + year + " negotiation";
        if (!call("GET", "/api/negotiations?accountId=" + account + "&year=" + year, null, null, 200).isEmpty()) {
            return;
        }
        JsonNode n = patiently(NORA, "POST", "/api/negotiations", object().put("accountId", account).put("year", year),
                null, "accountId").expect(201);
        String path = "/api/negotiations/" + n.path("id").asString();
        n = patiently(NORA, "PUT", path + "/preparation", file.path("preparation"), etag(n), "basis.source").expect(200);
        n = client.call(subject, file.path("approvedBy").asString(), "POST", path + "/preparation/approval",
                object().put("revision", n.path("preparation").path("revision").asInt()), etag(n), 200);
        for (JsonNode round : file.path("rounds")) {
            ObjectNode body = without(round, "heldOn", "gives");
            body.put("heldOn", date(round.path("heldOn"), year).toString());
            n = call("POST", path + "/rounds", body, etag(n), 200);
            for (JsonNode give : round.path("gives")) {
                ObjectNode recorded = without(give);
                recorded.put("round", n.path("rounds").asInt());
                call("POST", path + "/gives", recorded, etag(n), 201);
                n = call("GET", path, null, null, 200);
            }
        }
        JsonNode agreement = file.path("agreement");
        if (agreement.isMissingNode()) {
            inRounds++;
            return;
        }
        ObjectNode signing = without(agreement, "signedOn");
        signing.put("effectiveFrom", LocalDate.of(year, 1, 1).toString())
                .put("effectiveTo", LocalDate.of(year, 12, 31).toString())
                .put("signedOn", date(agreement.path("signedOn"), year).toString());
        call("POST", path + "/agreement", signing, etag(n), 201);
        signed++;
    }

    /**
     * Sends a call, and again while it is refused naming {@code field} (the account or its plan not known to the
     * negotiations service yet), for a while.
     */
    private Answer patiently(String user, String method, String path, JsonNode body, String ifMatch, String field)
            throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(REPLICA_WAIT);
        Answer answer = client.send(subject, user, method, path, body, ifMatch);
        while (answer.names(field) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            answer = client.send(subject, user, method, path, body, ifMatch);
        }
        return answer;
    }

    private int year(String year) {
        return switch (year) {
            case "current" -> today.getYear();
            case "next" -> today.getYear() + 1;
            default -> throw new Supervisor.StartFailure(FILE + ": a negotiation's year is \"current\" or \"next\", not \""
                    + year + "\" (" + subject + ")");
        };
    }

    /** {@code {"beforeYear": "11-10"}}: that day of the year before the negotiated one; {@code {"daysAgo": 9}}. */
    private LocalDate date(JsonNode date, int year) {
        if (date.has("beforeYear")) {
            return MonthDay.parse("--" + date.path("beforeYear").asString()).atYear(year - 1);
        }
        if (date.has("daysAgo")) {
            return today.minusDays(date.path("daysAgo").asLong());
        }
        throw new Supervisor.StartFailure(FILE + ": a date is {\"beforeYear\": \"MM-DD\"} or {\"daysAgo\": n}, not "
                + date + " (" + subject + ")");
    }

    private ObjectNode without(JsonNode node, String... fields) {
        if (!(node instanceof ObjectNode object)) {
            throw new Supervisor.StartFailure("demo data, " + subject + ": expected an object in " + FILE + ", found "
                    + node);
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    private static ObjectNode object() {
        return DemoClient.JSON.createObjectNode();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String etag(JsonNode versioned) {
        return "\"" + versioned.path("version").asLong() + "\"";
    }

    private JsonNode call(String method, String path, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        return client.call(subject, NORA, method, path, body, ifMatch, expected);
    }
}
