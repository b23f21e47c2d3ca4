package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.PlanFixture.aPlanFor;
import static io.kam.accounts.PlanFixture.anItem;
import static io.kam.accounts.PlanFixture.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** The annual business plan through its API: lifecycle, four eyes, immutability, revisions and every refusal. */
class PlansApiTest extends ServiceTest {

    /** Nate, the second national KA manager, who approves what Nora writes. */
    Api nate;

    @BeforeEach
    void nate() {
        nate = anonymous.as(TestTokens.nate());
    }

    @Test
    void aNewPlanIsVersionOneADraftWithUnitsBasesAndPhasing() {
        UUID account = open(aNationalHypermarketChain());

        var created = api.post(plans(account), aPlanFor(2027));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString(plans(account) + "/2027/versions/1");
        assertThat(created.etag()).isEqualTo("\"0\"");
        var plan = created.body();
        assertThat(plan.path("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.path("author").asString()).isEqualTo("nora");
        assertThat(plan.path("inForce").asBoolean()).isFalse();
        var shelf = find(plan.path("targets"), "kpi", "SHELF_PRICE_INDEX");
        assertThat(shelf.path("unit").asString()).isEqualTo("INDEX");
        assertThat(shelf.path("basis").asString()).isEqualTo("AGREED_RETAIL_PRICE");
        assertThat(plan.path("phasing").size()).isEqualTo(12);
        assertThat(plan.at("/phasing/0/month").asInt()).isEqualTo(1);
        assertThat(plan.path("phasingTotal").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(plan.path("dependsOn").toString()).isEqualTo("[\"PURCHASING\",\"MARKETING\"]");
        assertThat(plan.at("/actionItems/0/status").asString()).isEqualTo("PLANNED");
        assertThat(types(awaitEvents(account, e -> e.size() == 2))).containsExactly("kam.account.opened", "kam.plan.drafted");
    }

    @Test
    void aManagerWhoChangedAnothersDraftMayNotApproveIt() {
        UUID account = open(aNationalHypermarketChain());
        var draft = api.post(plans(account), aPlanFor(2027));
        String v1 = plans(account) + "/2027/versions/1";

        // Nate raises the targets of Nora's draft; Nora submits it as it now stands
        var raised = nate.put(v1 + "/targets", targets(14_000_000), draft.etag());
        var submitted = api.post(v1 + "/submit", null, raised.etag());
        var byTheEditor = nate.post(v1 + "/approve", null, submitted.etag());
        var returnedByTheEditor = nate.post(v1 + "/return", Map.of("comment", "x"), submitted.etag());

        assertThat(raised.status()).isEqualTo(200);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(byTheEditor.status()).as("four eyes: he changed what he would approve").isEqualTo(403);
        assertThat(byTheEditor.text("code")).isEqualTo("own-plan");
        assertThat(byTheEditor.text("detail")).contains("you changed version 1");
        assertThat(returnedByTheEditor.status()).isEqualTo(403);
        assertThat(api.get(v1).text("status")).as("nothing decided").isEqualTo("SUBMITTED");
    }

    @Test
    void aPlanGoesFromDraftThroughReturnToApprovalByAnotherManager() {
        UUID account = open(aNationalHypermarketChain());
        var draft = api.post(plans(account), aPlanFor(2027));
        String v1 = plans(account) + "/2027/versions/1";

        var submitted = api.post(v1 + "/submit", null, draft.etag());
        var ownApproval = api.post(v1 + "/approve", null, submitted.etag());
        var returned = nate.post(v1 + "/return", Map.of("comment", "Phase more of the volume into Q1"), submitted.etag());
        var changed = api.put(v1 + "/targets", targets(12_600_000), returned.etag());
        var resubmitted = api.post(v1 + "/submit", null, changed.etag());
        var approved = nate.post(v1 + "/approve", null, resubmitted.etag());

        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.text("code")).isEqualTo("own-plan");
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        assertThat(changed.body().path("phasingTotal").decimalValue()).isEqualByComparingTo("12600000");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo("nate");
        assertThat(approved.body().path("inForce").asBoolean()).isTrue();
        assertThat(approved.text("returnComment")).isEqualTo("Phase more of the volume into Q1");
        assertThat(api.get(plans(account) + "/2027/in-force").body().path("number").asInt()).isEqualTo(1);
        assertThat(types(awaitEvents(account, e -> e.size() == 7))).containsExactly("kam.account.opened",
                "kam.plan.drafted", "kam.plan.submitted", "kam.plan.returned", "kam.plan.targets-changed",
                "kam.plan.submitted", "kam.plan.approved");
    }

    @Test
    void anApprovedVersionCannotChangeAndARevisionShowsItsDifferences() {
        UUID account = open(aNationalHypermarketChain());
        String v1 = approvedPlan(account);

        var edit = api.put(v1 + "/targets", targets(13_200_000), api.get(v1).etag());
        var addItem = api.post(v1 + "/actions", anItem(null));
        var revision = api.post(plans(account) + "/2027/versions", null);
        String v2 = plans(account) + "/2027/versions/2";
        var secondRevision = api.post(plans(account) + "/2027/versions", null);
        var changed = api.put(v2 + "/targets", targets(13_200_000), revision.etag());
        var added = api.post(v2 + "/actions", anItem("EAST"));
        String firstItem = revision.body().at("/actionItems/0/itemId").asString();
        var removed = api.delete(v2 + "/actions/" + firstItem, "\"" + revision.body().at("/actionItems/0/version").asLong() + "\"");
        var diff = api.get(plans(account) + "/2027/diff?from=1&to=2").body();

        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.text("code")).isEqualTo("plan-version-approved");
        assertThat(addItem.status()).isEqualTo(409);
        assertThat(revision.status()).isEqualTo(201);
        assertThat(revision.text("status")).isEqualTo("DRAFT");
        assertThat(revision.body().path("revisionOf").asInt()).isEqualTo(1);
        assertThat(revision.body().path("inForce").asBoolean()).isFalse();
        assertThat(secondRevision.status()).as("one version is worked on at a time").isEqualTo(409);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(added.status()).isEqualTo(201);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(plans(account) + "/2027/in-force").body().path("number").asInt())
                .as("version 1 stays in force until version 2 is approved").isEqualTo(1);
        assertThat(api.get(v1).body().path("phasingTotal").decimalValue()).isEqualByComparingTo("12000000");

        var sellThrough = find(diff.path("targets"), "kpi", "SELL_THROUGH_VALUE");
        assertThat(sellThrough.path("change").asString()).isEqualTo("CHANGED");
        assertThat(sellThrough.at("/from/value").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(sellThrough.at("/to/value").decimalValue()).isEqualByComparingTo("13200000");
        assertThat(find(diff.path("targets"), "kpi", "LISTED_SKUS").path("change").asString()).isEqualTo("REMOVED");
        assertThat(diff.path("phasing").size()).isEqualTo(12);
        assertThat(diff.path("dependsOnRemoved").toString()).isEqualTo("[\"MARKETING\"]");
        List<String> itemChanges = new ArrayList<>();
        diff.path("actionItems").forEach(item -> itemChanges.add(item.path("change").asString()));
        assertThat(itemChanges).containsExactlyInAnyOrder("REMOVED", "ADDED");
    }

    @Test
    void aSecondPlanForTheSameYearIsAConflictAndLeavesTheFirstAlone() {
        UUID account = open(aNationalHypermarketChain());
        api.post(plans(account), aPlanFor(2027));

        var second = api.post(plans(account), aPlanFor(2027));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("plan-exists");
        assertThat(second.text("detail")).contains(plans(account) + "/2027");
        assertThat(api.get(plans(account)).body().size()).isEqualTo(1);
        assertThat(api.get(plans(account) + "/2027").body().path("versions").size()).isEqualTo(1);
    }

    @Test
    void phasingThatMissesTheAnnualTargetIsRejectedWithTheDifferenceAndNothingIsSaved() {
        UUID account = open(aNationalHypermarketChain());
        Map<String, Object> plan = new HashMap<>(aPlanFor(2027));
        List<Object> months = new ArrayList<>(PlanFixture.phasing(12_000_000));
        months.set(11, ((Number) months.get(11)).longValue() - 250_000);
        plan.put("phasing", months);

        var response = api.post(plans(account), plan);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("phasing-mismatch");
        assertThat(response.text("detail")).contains("250,000.00 short of the annual SELL_THROUGH_VALUE target of 12,000,000.00");
        assertThat(response.body().path("difference").decimalValue()).isEqualByComparingTo("-250000");
        assertThat(response.body().path("phasingTotal").decimalValue()).isEqualByComparingTo("11750000");
        assertThat(api.get(plans(account)).body().size()).isZero();
        assertThat(api.get(plans(account) + "/2027").status()).isEqualTo(404);
    }

    @Test
    void negativeTargetsElevenMonthsUnknownDepartmentsAndYearsOutOfRangeAreFieldErrors() {
        UUID account = open(aNationalHypermarketChain());
        Map<String, Object> negative = new HashMap<>(aPlanFor(2027));
        negative.put("targets", List.of(Map.of("kpi", "SELL_THROUGH_VALUE", "value", 12_000_000),
                Map.of("kpi", "PROMOTIONS", "value", -3)));
        Map<String, Object> elevenMonths = new HashMap<>(aPlanFor(2027));
        elevenMonths.put("phasing", PlanFixture.phasing(12_000_000).subList(0, 11));
        Map<String, Object> unknownDepartment = new HashMap<>(aPlanFor(2027));
        unknownDepartment.put("dependsOn", List.of("PURCHASING", "LEGAL"));
        Map<String, Object> farFuture = new HashMap<>(aPlanFor(2027));
        farFuture.put("year", 2207);

        assertThat(api.post(plans(account), negative).fieldErrors())
                .containsExactly("targets[1].value: must be greater than or equal to 0");
        assertThat(api.post(plans(account), elevenMonths).fieldErrors())
                .containsExactly("phasing: must have one value per month, January to December");
        var department = api.post(plans(account), unknownDepartment);
        assertThat(department.status()).isEqualTo(400);
        assertThat(department.fieldErrors()).singleElement().asString().startsWith("dependsOn[1]");
        assertThat(api.post(plans(account), farFuture).fieldErrors()).containsExactly("year: must be less than or equal to 2100");
        assertThat(api.get(plans(account)).body().size()).as("nothing half-saved").isZero();
    }

    @Test
    void anItemMustServeAKpiOrAKnownSwotPoint() {
        UUID account = open(aNationalHypermarketChain());
        api.post(plans(account), aPlanFor(2027));
        Map<String, Object> servesNothing = new HashMap<>(anItem(null));
        servesNothing.remove("servesKpi");
        Map<String, Object> unknownPoint = new HashMap<>(anItem(null));
        unknownPoint.put("servesSwotPoint", UUID.randomUUID().toString());

        assertThat(api.post(plans(account) + "/2027/versions/1/actions", servesNothing).fieldErrors())
                .containsExactly("servesKpi: or servesSwotPoint is required: an item serves a KPI or a SWOT point");
        assertThat(api.post(plans(account) + "/2027/versions/1/actions", unknownPoint).fieldErrors())
                .containsExactly("servesSwotPoint: is not a point of this account's SWOT analysis");
        assertThat(api.get(plans(account) + "/2027/versions/1").body().path("actionItems").size()).isEqualTo(1);
    }

    @Test
    void versionedCommandsNeedTheCurrentVersion() {
        UUID account = open(aNationalHypermarketChain());
        var draft = api.post(plans(account), aPlanFor(2027));
        String v1 = plans(account) + "/2027/versions/1";
        api.post(v1 + "/actions", anItem(null));

        var withoutIfMatch = api.post(v1 + "/submit", null, null);
        var stale = api.post(v1 + "/submit", null, draft.etag());

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(stale.status()).as("an item was added since the draft was read").isEqualTo(412);
        assertThat(api.get(v1).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void progressIsRecordedOnTheApprovedPlanAndOverdueItemsShow() {
        UUID account = open(aNationalHypermarketChain());
        String v1 = approvedPlan(account);
        String item = api.get(v1).body().at("/actionItems/0/itemId").asString();

        var progressed = api.post(plans(account) + "/2027/actions/" + item + "/progress",
                Map.of("status", "IN_PROGRESS", "note", "Islands agreed for 38 of 52 hypermarkets"));
        var unchanged = api.post(plans(account) + "/2027/actions/" + item + "/progress", Map.of("status", "IN_PROGRESS"));
        var shown = api.get(v1).body().at("/actionItems/0");

        assertThat(progressed.status()).isEqualTo(200);
        assertThat(progressed.text("previousStatus")).isEqualTo("PLANNED");
        assertThat(unchanged.status()).isEqualTo(422);
        assertThat(shown.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(shown.path("progressNote").asString()).isEqualTo("Islands agreed for 38 of 52 hypermarkets");
        assertThat(shown.path("progressBy").asString()).isEqualTo("nora");
        assertThat(types(awaitEvents(account, e -> e.size() == 5)).getLast()).isEqualTo("kam.plan.action-progressed");
    }

    @Test
    void itemsPastTheirDueDateAreOverdueUntilDone() {
        UUID account = open(aNationalHypermarketChain());
        Map<String, Object> plan = new HashMap<>(aPlanFor(2025));
        Map<String, Object> late = new HashMap<>(anItem(null));
        late.put("due", "2025-03-31");
        plan.put("actionItems", List.of(late));
        var created = api.post(plans(account), plan);
        String item = created.body().at("/actionItems/0/itemId").asString();

        boolean overdueBefore = created.body().at("/actionItems/0/overdue").asBoolean();
        api.post(plans(account) + "/2025/actions/" + item + "/progress", Map.of("status", "DONE"));

        assertThat(overdueBefore).isTrue();
        assertThat(api.get(plans(account) + "/2025/versions/1").body().at("/actionItems/0/overdue").asBoolean()).isFalse();
    }

    /** Opens the 2027 plan, submits it as Nora and has Nate approve it; returns version 1's path. */
    private String approvedPlan(UUID account) {
        var draft = api.post(plans(account), aPlanFor(2027));
        String v1 = plans(account) + "/2027/versions/1";
        var submitted = api.post(v1 + "/submit", null, draft.etag());
        var approved = nate.post(v1 + "/approve", null, submitted.etag());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return v1;
    }

    static String plans(UUID account) {
        return "/api/accounts/" + account + "/plans";
    }

    static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode array, String field, String value) {
        for (var node : array) {
            if (value.equals(node.path(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
