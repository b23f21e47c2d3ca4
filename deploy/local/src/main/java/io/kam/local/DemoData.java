package io.kam.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.kam.local.DemoClient.Answer;
import io.kam.platform.calendar.MarketCalendar;

/**
 * Seeds the demo data of {@code deploy/demo} through the gateway, so the platform shows something real the moment it
 * starts (DEV ONLY). Everything goes through the public API with the dev logins: Nora writes, Nate approves her plans
 * (never the author), Eric and Sofia report progress on their regions' action items.
 * <ul>
 * <li>{@code demo-data.json}: retail chains with stores and contacts; a chain whose account name exists is left alone.
 * <li>{@code demo-activity.json} beside it: for some chains their SWOT, purchase heat, relationship wall and important
 * dates, seeded when the chain was created in this run or its SWOT is still empty; their annual business plans,
 * skipped when the account has a plan for that year (409 plan-exists); screening criteria, defined for a territory
 * that has none; prospects and their way through the pipeline, skipped when the prospect exists (409
 * duplicate-prospect).
 * <li>{@code demo-promotions.json} beside it: promotions at every stage for some chains, seeded by
 * {@link DemoPromotions} when the chain has none.
 * <li>{@code demo-negotiations.json} beside it: the buyer's term aliases and, by {@link DemoNegotiations}, for two chains
 * the current year's negotiation signed and the next year's in its rounds, each year seeded when the chain has no
 * negotiation of it.
 * </ul>
 * The dev coordinators Eric and Sofia are made the visits service's coordinators of their regions. So a second start
 * adds nothing. Dates are relative to today in Asia/Shanghai (see the file's comment), so reminders,
 * overdue items and last contacts look current. A call that fails stops the start, naming the call and the problem
 * detail it answered.
 */
final class DemoData {

    private static final String ACTIVITY_FILE = "demo-activity.json";
    private static final JsonMapper JSON = DemoClient.JSON;
    /** The national KA manager who writes everything that needs no other login. */
    private static final String NORA = "nora";
    /** How long a prospect waits for the prospects service to learn of the account that referred it. */
    private static final Duration REFERRER_WAIT = Duration.ofSeconds(60);

    private final DemoClient client;
    private final LocalDate today = LocalDate.now(MarketCalendar.ZONE);
    /** Every account's id by its name in lower case. */
    private final Map<String, String> accounts = new HashMap<>();
    /** What is being seeded, for the message when a call fails. */
    private String subject = "accounts";
    private int relationshipChains;
    private int plans;
    private int territories;
    private int prospects;

    private DemoData(DemoClient client) {
        this.client = client;
    }

    /** Seeds what is missing; returns how many chains it created, and prints what else it added. */
    static int seed(Path file, String gateway, String tokenUri) throws IOException, InterruptedException {
        DemoClient client = new DemoClient(gateway, tokenUri);
        DemoData demo = new DemoData(client);
        demo.loadAccounts();
        Set<String> created = demo.seedChains(read(file).path("chains"));
        demo.assignCoordinators();
        Path activity = file.resolveSibling(ACTIVITY_FILE);
        if (Files.exists(activity)) {
            JsonNode work = read(activity);
            for (JsonNode account : work.path("accounts")) {
                demo.seedAccountWork(account, created);
            }
            demo.seedProspecting(work.path("prospecting"));
        }
        DemoPromotions.seed(client, file.resolveSibling(DemoPromotions.FILE), name -> demo.accounts.get(key(name)));
        DemoNegotiations.seed(client, file.resolveSibling(DemoNegotiations.FILE), name -> demo.accounts.get(key(name)));
        demo.report();
        return created.size();
    }

    // ---- chains

    private Set<String> seedChains(JsonNode chains) throws IOException, InterruptedException {
        Set<String> created = new HashSet<>();
        for (JsonNode chain : chains) {
            String name = chain.path("account").path("name").asString();
            if (!accounts.containsKey(key(name))) {
                subject = "chain " + name;
                accounts.put(key(name), createChain(chain));
                created.add(key(name));
            }
        }
        return created;
    }

    /** The dev logins' regions get them as coordinators, so that the visits schedule shows whose visits are whose. */
    private void assignCoordinators() throws IOException, InterruptedException {
        subject = "visit coordinators";
        for (var region : Map.of("EAST", "eric", "SOUTH", "sofia").entrySet()) {
            ObjectNode body = JSON.createObjectNode().put("coordinator", region.getValue());
            call(NORA, "PUT", "/api/visits/regions/" + region.getKey() + "/coordinator", body, null, 200);
        }
    }

    private String createChain(JsonNode chain) throws IOException, InterruptedException {
        JsonNode account = call(NORA, "POST", "/api/accounts", chain.path("account"), null, 201);
        String base = "/api/accounts/" + account.path("id").asString();
        ObjectNode stores = JSON.createObjectNode();
        stores.set("stores", chain.path("stores"));
        call(NORA, "POST", base + "/stores/bulk", stores, null, 201);
        for (JsonNode contact : chain.path("contacts")) {
            call(NORA, "POST", base + "/contacts", contact, null, 201);
        }
        call(NORA, "PUT", base + "/classification", chain.path("classification"), etag(account), 200);
        return account.path("id").asString();
    }

    private void loadAccounts() throws IOException, InterruptedException {
        for (int page = 0; ; page++) {
            JsonNode listing = call(NORA, "GET", "/api/accounts?size=200&page=" + page, null, null, 200);
            listing.path("items").forEach(item -> accounts.put(key(item.path("name").asString()),
                    item.path("id").asString()));
            if (page + 1 >= listing.path("totalPages").asInt()) {
                return;
            }
        }
    }

    // ---- relationship records and plans of one chain

    private void seedAccountWork(JsonNode work, Set<String> created) throws IOException, InterruptedException {
        String name = work.path("account").asString();
        subject = name;
        String base = "/api/accounts/" + accountId(name);
        if (created.contains(key(name)) || swotIsEmpty(base)) {
            seedRelationship(base, work);
        }
        if (!work.path("plans").isEmpty()) {
            Map<String, String> swot = swotIds(base, work.path("swot"));
            for (JsonNode plan : work.path("plans")) {
                seedPlan(base, plan, swot);
            }
        }
    }

    private boolean swotIsEmpty(String base) throws IOException, InterruptedException {
        JsonNode swot = call(NORA, "GET", base + "/swot", null, null, 200);
        return List.of("strengths", "weaknesses", "opportunities", "threats", "keyPoints").stream()
                .allMatch(kind -> swot.path(kind).isEmpty());
    }

    private void seedRelationship(String base, JsonNode work) throws IOException, InterruptedException {
        Map<String, String> points = new HashMap<>();
        for (JsonNode point : work.path("swot")) {
            addSwotPoint(base, point, points);
        }
        for (JsonNode assessment : work.path("heat")) {
            call(NORA, "POST", base + "/heat", assessment, null, 201);
        }
        for (JsonNode cell : work.path("wall")) {
            assessWallCell(base, cell);
        }
        Map<String, String> contacts = work.path("dates").isEmpty() ? Map.of() : contactsByEmail(base);
        for (JsonNode date : work.path("dates")) {
            addDate(base, date, contacts);
        }
        relationshipChains++;
    }

    /** Adds a SWOT point; a key point's {@code basedOn} names earlier points by their {@code ref}. */
    private void addSwotPoint(String base, JsonNode point, Map<String, String> points)
            throws IOException, InterruptedException {
        ObjectNode body = without(point, "ref", "basedOn");
        if (point.has("basedOn")) {
            ArrayNode basedOn = body.putArray("basedOn");
            for (JsonNode ref : point.path("basedOn")) {
                basedOn.add(known(points, ref.asString(), "SWOT point"));
            }
        }
        String id = call(NORA, "POST", base + "/swot/points", body, null, 201).path("id").asString();
        if (point.has("ref")) {
            points.put(point.path("ref").asString(), id);
        }
    }

    private void assessWallCell(String base, JsonNode cell) throws IOException, InterruptedException {
        ObjectNode body = without(cell, "department", "level", "lastContactDaysAgo");
        if (cell.path("lastContactDaysAgo").isNumber()) {
            body.put("lastContact", today.minusDays(cell.path("lastContactDaysAgo").asLong()).toString());
        }
        call(NORA, "PUT", base + "/wall/" + cell.path("department").asString() + "/" + cell.path("level").asString(),
                body, "*", 200);
    }

    /** Adds an important date; a birthday names its contact by email. */
    private void addDate(String base, JsonNode date, Map<String, String> contacts)
            throws IOException, InterruptedException {
        ObjectNode body = without(date, "contact", "date");
        body.put("date", date(date.path("date")).toString());
        if (date.has("contact")) {
            body.put("contactId", known(contacts, date.path("contact").asString(), "contact"));
        }
        call(NORA, "POST", base + "/dates", body, null, 201);
    }

    private Map<String, String> contactsByEmail(String base) throws IOException, InterruptedException {
        Map<String, String> byEmail = new HashMap<>();
        call(NORA, "GET", base + "/contacts", null, null, 200)
                .forEach(contact -> byEmail.put(contact.path("email").asString(), contact.path("id").asString()));
        return byEmail;
    }

    /** The ids of the SWOT points the file names by {@code ref}, found by their text in the account's SWOT. */
    private Map<String, String> swotIds(String base, JsonNode points) throws IOException, InterruptedException {
        JsonNode swot = call(NORA, "GET", base + "/swot", null, null, 200);
        Map<String, String> idByText = new HashMap<>();
        for (String kind : List.of("strengths", "weaknesses", "opportunities", "threats", "keyPoints")) {
            swot.path(kind).forEach(p -> idByText.put(p.path("text").asString(), p.path("id").asString()));
        }
        Map<String, String> byRef = new HashMap<>();
        for (JsonNode point : points) {
            String id = idByText.get(point.path("text").asString());
            if (point.has("ref") && id != null) {
                byRef.put(point.path("ref").asString(), id);
            }
        }
        return byRef;
    }

    /** Starts the plan as Nora, then takes it as far as its {@code status}: submitted by her, approved by another. */
    private void seedPlan(String base, JsonNode plan, Map<String, String> swot) throws IOException, InterruptedException {
        int year = planYear(plan.path("year").asString());
        String plansPath = base + "/plans";
        Answer started = send(NORA, "POST", plansPath, planRequest(plan, year, swot), null);
        if (started.isConflict("plan-exists")) {
            return;
        }
        JsonNode version = started.expect(201);
        String versionPath = plansPath + "/" + year + "/versions/" + version.path("number").asInt();
        String status = plan.path("status").asString("DRAFT");
        if (status.equals("SUBMITTED") || status.equals("APPROVED")) {
            version = call(NORA, "POST", versionPath + "/submit", null, etag(version), 200);
        }
        if (status.equals("APPROVED")) {
            version = call(plan.path("approvedBy").asString(), "POST", versionPath + "/approve", null, etag(version), 200);
        }
        recordProgress(plansPath + "/" + year, plan.path("actionItems"), version.path("actionItems"));
        plans++;
    }

    private ObjectNode planRequest(JsonNode plan, int year, Map<String, String> swot) {
        ObjectNode request = without(plan, "year", "status", "approvedBy", "actionItems");
        request.put("year", year);
        ArrayNode items = request.putArray("actionItems");
        for (JsonNode item : plan.path("actionItems")) {
            ObjectNode input = without(item, "due", "servesSwotPoint", "progress");
            input.put("due", MonthDay.parse("--" + item.path("due").asString()).atYear(year).toString());
            if (item.has("servesSwotPoint")) {
                input.put("servesSwotPoint", known(swot, item.path("servesSwotPoint").asString(), "SWOT point"));
            }
            items.add(input);
        }
        return request;
    }

    /** Records each item's progress, in order, as the person named ({@code by}, Nora by default). */
    private void recordProgress(String planPath, JsonNode items, JsonNode saved) throws IOException, InterruptedException {
        Map<String, String> itemIds = new HashMap<>();
        saved.forEach(item -> itemIds.put(item.path("what").asString(), item.path("itemId").asString()));
        for (JsonNode item : items) {
            for (JsonNode progress : item.path("progress")) {
                String itemId = known(itemIds, item.path("what").asString(), "action item");
                call(progress.path("by").asString(NORA), "POST", planPath + "/actions/" + itemId + "/progress",
                        without(progress, "by"), null, 200);
            }
        }
    }

    private int planYear(String year) {
        return switch (year) {
            case "current" -> today.getYear();
            case "next" -> today.getYear() + 1;
            default -> throw new Supervisor.StartFailure(ACTIVITY_FILE + ": a plan's year is \"current\" or \"next\", not \""
                    + year + "\" (" + subject + ")");
        };
    }

    // ---- prospecting

    private void seedProspecting(JsonNode prospecting) throws IOException, InterruptedException {
        for (Map.Entry<String, JsonNode> territory : prospecting.path("criteria").properties()) {
            defineCriteria(territory.getKey(), territory.getValue());
        }
        for (JsonNode entry : prospecting.path("prospects")) {
            seedProspect(entry);
        }
    }

    private void defineCriteria(String region, JsonNode criteria) throws IOException, InterruptedException {
        subject = "screening criteria of " + region;
        String path = "/api/prospects/criteria/" + region;
        Answer current = send(NORA, "GET", path, null, null);
        if (current.status() != 404) {
            current.expect(200);
            return;
        }
        call(NORA, "PUT", path, criteria, null, 200);
        territories++;
    }

    /** Identifies the prospect, then rates, moves, plans, drops or converts it as the file says, in that order. */
    private void seedProspect(JsonNode entry) throws IOException, InterruptedException {
        JsonNode details = entry.path("prospect");
        subject = "prospect " + details.path("companyName").asString();
        Answer identified = identify(prospectInput(details));
        if (identified.isConflict("duplicate-prospect")) {
            return;
        }
        JsonNode prospect = identified.expect(201);
        String path = "/api/prospects/" + prospect.path("id").asString();
        if (entry.has("ratings")) {
            ObjectNode ratings = JSON.createObjectNode();
            ratings.set("ratings", entry.path("ratings"));
            prospect = call(NORA, "PUT", path + "/ratings", ratings, etag(prospect), 200);
        }
        for (JsonNode stage : entry.path("moveTo")) {
            prospect = call(NORA, "PUT", path + "/stage", JSON.createObjectNode().put("stage", stage.asString()),
                    etag(prospect), 200);
        }
        if (entry.has("nextAction")) {
            prospect = call(NORA, "PUT", path + "/next-action", nextAction(entry.path("nextAction")), etag(prospect), 200);
        }
        if (entry.has("drop")) {
            prospect = call(NORA, "POST", path + "/drop", entry.path("drop"), etag(prospect), 200);
        }
        if (entry.has("convert")) {
            call(NORA, "POST", path + "/conversion", entry.path("convert"), etag(prospect), 200);
        }
        prospects++;
    }

    private ObjectNode prospectInput(JsonNode details) {
        ObjectNode input = without(details, "referringAccount");
        if (details.has("referringAccount")) {
            input.put("referringAccountId", accountId(details.path("referringAccount").asString()));
        }
        return input;
    }

    /**
     * Identifies a prospect. The prospects service learns of accounts from kam.accounts.v1, so a chain created moments
     * ago may not be known there yet as a referrer: then it asks again, for a while.
     */
    private Answer identify(ObjectNode input) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(REFERRER_WAIT);
        Answer answer = send(NORA, "POST", "/api/prospects", input, null);
        while (answer.names("referringAccountId") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            answer = send(NORA, "POST", "/api/prospects", input, null);
        }
        return answer;
    }

    private ObjectNode nextAction(JsonNode next) {
        return JSON.createObjectNode().put("action", next.path("action").asString())
                .put("due", today.plusDays(next.path("inDays").asLong()).toString());
    }

    // ---- the file's references and dates

    private String accountId(String name) {
        String id = accounts.get(key(name));
        if (id == null) {
            throw new Supervisor.StartFailure("demo data: " + ACTIVITY_FILE + " names the account " + name
                    + ", which is neither in demo-data.json nor on the platform");
        }
        return id;
    }

    private String known(Map<String, String> ids, String name, String what) {
        String id = ids.get(name);
        if (id == null) {
            throw new Supervisor.StartFailure("demo data, " + subject + ": no " + what + " \"" + name + "\" ("
                    + ACTIVITY_FILE + " names one that is not there; if the data was changed by hand, make reset)");
        }
        return id;
    }

    /** A date as written ({@code 2017-03-06}) or relative: {@code {"yearsAgo": 44, "inDays": 17}}. */
    private LocalDate date(JsonNode date) {
        return date.isString() ? LocalDate.parse(date.asString())
                : today.minusYears(date.path("yearsAgo").asLong()).plusDays(date.path("inDays").asLong());
    }

    private void report() {
        List<String> added = new ArrayList<>();
        if (relationshipChains > 0) {
            added.add("SWOT, heat, wall and dates of " + count(relationshipChains, "chain"));
        }
        if (plans > 0) {
            added.add(count(plans, "business plan"));
        }
        if (territories > 0) {
            added.add("screening criteria of " + count(territories, "territory", "territories"));
        }
        if (prospects > 0) {
            added.add(count(prospects, "prospect"));
        }
        if (!added.isEmpty()) {
            System.out.println("  demo data: " + String.join(", ", added) + " (deploy/demo/" + ACTIVITY_FILE + ")");
        }
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A copy of an object of the file without the fields that are the file's own (references, relative dates). */
    private ObjectNode without(JsonNode node, String... fields) {
        if (!(node instanceof ObjectNode object)) {
            throw new Supervisor.StartFailure("demo data, " + subject + ": expected an object in the file, found " + node);
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    private static String etag(JsonNode versioned) {
        return "\"" + versioned.path("version").asLong() + "\"";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    private JsonNode call(String user, String method, String path, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        return client.call(subject, user, method, path, body, ifMatch, expected);
    }

    private Answer send(String user, String method, String path, JsonNode body, String ifMatch)
            throws IOException, InterruptedException {
        return client.send(subject, user, method, path, body, ifMatch);
    }
}
