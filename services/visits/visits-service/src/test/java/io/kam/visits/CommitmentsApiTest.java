package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import tools.jackson.databind.JsonNode;

/**
 * No commitment outside policy (不可做出任何政策外的承诺): a commitment the account's policy allows is a promise when
 * logged; any other is flagged and no promise until another national KA manager approves it.
 */
class CommitmentsApiTest extends ServiceTest {

    @Test
    void commitmentsWithinThePolicyArePromises_othersAreFlaggedUntilAManagerApprovesThem() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        String policy = "/api/visits/accounts/" + planned.account() + "/commitment-policy";
        var set = nora.put(policy, Map.of("allowed", List.of("POS_MATERIAL", "TRAINING")), "*");
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(
                Map.of("type", "POS_MATERIAL", "description", "Two hanging flags for the dairy aisle by Friday"),
                Map.of("type", "DISPLAY_FEE", "description", "500 yuan for the end cap in March")));

        JsonNode visit = eric.post("/api/visits/" + planned.visit() + "/log", log, planned.etag()).body();

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.etag()).isEqualTo("\"0\"");
        JsonNode flags = visit.at("/commitments/0");
        JsonNode fee = visit.at("/commitments/1");
        assertThat(flags.path("status").asString()).isEqualTo("RECORDED");
        assertThat(flags.path("promise").asBoolean()).isTrue();
        assertThat(fee.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(fee.path("promise").asBoolean()).as("not a promise until approved").isFalse();
        var flagged = items(nora.get("/api/visits/commitments?status=FLAGGED&accountId=" + planned.account()));
        assertThat(flagged).singleElement().satisfies(c -> assertThat(c.path("type").asString()).isEqualTo("DISPLAY_FEE"));

        String approval = "/api/visits/commitments/" + fee.path("id").asString() + "/approval";
        assertThat(eric.post(approval, Map.of(), "\"0\"").status()).as("coordinators do not decide").isEqualTo(403);
        var approved = nate.post(approval, Map.of("note", "Within the spring display budget"), "\"0\"");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().path("promise").asBoolean()).isTrue();
        assertThat(approved.body().path("decidedBy").asString()).isEqualTo("nate");
        assertThat(nate.post(approval, Map.of(), approved.etag()).status()).as("decided once").isEqualTo(409);
        var events = awaitEvents(planned.account(), e -> e.stream().anyMatch(v -> v.type().equals("kam.commitment.approved")));
        assertThat(types(events)).containsSubsequence("kam.commitment-policy.changed", "kam.visit.completed",
                "kam.commitment.recorded", "kam.commitment.flagged", "kam.commitment.approved");
    }

    @Test
    void withoutAPolicyEveryCommitmentIsFlagged_andARejectionSaysWhy() {
        Planned planned = aStoreVisitToday(Region.SOUTH, sofia);
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(Map.of("type", "PRICE_DISCOUNT", "description", "5% off UHT milk in April")));

        JsonNode commitment = sofia.post("/api/visits/" + planned.visit() + "/log", log, planned.etag()).body()
                .at("/commitments/0");
        String rejection = "/api/visits/commitments/" + commitment.path("id").asString() + "/rejection";
        var noReason = nora.post(rejection, Map.of(), "\"0\"");
        var rejected = nora.post(rejection, Map.of("reason", "Discounts belong to the annual negotiation"), "\"0\"");

        assertThat(commitment.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("promise").asBoolean()).isFalse();
        assertThat(rejected.body().path("decisionNote").asString()).isEqualTo("Discounts belong to the annual negotiation");
    }

    @Test
    void aManagerDoesNotApproveTheirOwnCommitment() {
        Planned planned = aStoreVisitToday(Region.EAST, nora);
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(Map.of("type", "LISTING_FEE", "description", "Waive the listing fee")));
        String id = nora.post("/api/visits/" + planned.visit() + "/log", log, planned.etag()).body()
                .at("/commitments/0/id").asString();

        var own = nora.post("/api/visits/commitments/" + id + "/approval", Map.of(), "\"0\"");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("code")).isEqualTo("own-commitment");
        assertThat(nate.post("/api/visits/commitments/" + id + "/approval", Map.of(), "\"0\"").status()).isEqualTo(200);
    }

    @Test
    void thePolicyIsSetFirstWithIfMatchStarThenWithItsVersion_andOnlyByManagers() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        String policy = "/api/visits/accounts/" + planned.account() + "/commitment-policy";

        var withoutPolicy = eric.get(policy);
        var notStar = nora.put(policy, Map.of("allowed", List.of("TRAINING")), "\"0\"");
        var byCoordinator = eric.put(policy, Map.of("allowed", List.of("TRAINING")), "*");
        var first = nora.put(policy, Map.of("allowed", List.of("TRAINING", "TRAINING", "PROMOTER")), "*");
        var stale = nora.put(policy, Map.of("allowed", List.of()), "\"5\"");
        var cleared = nora.put(policy, Map.of("allowed", List.of()), first.etag());

        assertThat(withoutPolicy.body().path("allowed")).isEmpty();
        assertThat(withoutPolicy.body().path("version").isNull()).isTrue();
        assertThat(withoutPolicy.etag()).isNull();
        assertThat(notStar.status()).isEqualTo(409);
        assertThat(byCoordinator.status()).isEqualTo(403);
        assertThat(first.body().path("allowed").valueStream().map(JsonNode::asString).toList())
                .containsExactly("PROMOTER", "TRAINING");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(cleared.body().path("allowed")).isEmpty();
        assertThat(cleared.etag()).isEqualTo("\"1\"");
        assertThat(nora.put("/api/visits/accounts/" + UUID.randomUUID() + "/commitment-policy",
                Map.of("allowed", List.of()), "*").status()).isEqualTo(404);
    }
}
