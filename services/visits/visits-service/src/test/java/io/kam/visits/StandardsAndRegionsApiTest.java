package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import tools.jackson.databind.JsonNode;

/**
 * National KA managers set the frequency standards and the regions' coordinators; the schedule follows at once. Tests
 * here change only what no other test relies on: the WHOLESALE standards and the NORTHEAST region.
 */
class StandardsAndRegionsApiTest extends ServiceTest {

    @Test
    void theStandardsStartWithADefaultForEveryTierAndFormat() {
        var standards = nora.get("/api/visits/standards").body();

        assertThat(standards).hasSize(15);
        assertThat(frequency(standards, "A", "HYPERMARKET")).isEqualTo("WEEKLY");
        assertThat(frequency(standards, "B", "SUPERMARKET")).isEqualTo("FORTNIGHTLY");
        assertThat(frequency(standards, "C", "CONVENIENCE")).isEqualTo("MONTHLY");
        assertThat(eric.get("/api/visits/standards").status()).as("coordinators read them").isEqualTo(200);
    }

    @Test
    void changingAStandardReplansTheStoresItGoverns_andRemovingItCancelsTheirScheduledVisits() {
        UUID account = stores.anAccount(ValueTier.B);
        UUID wholesale = stores.openStore(account, Region.WEST, RetailFormat.WHOLESALE);
        UUID hyper = stores.openStore(account, Region.WEST, RetailFormat.HYPERMARKET);
        int hyperVisits = scheduled(hyper).size();
        assertThat(scheduled(wholesale)).as("B wholesale: monthly").hasSizeBetween(2, 4);
        try {
            var weekly = nora.put("/api/visits/standards/B/WHOLESALE", Map.of("frequency", "WEEKLY"), null);

            assertThat(weekly.status()).isEqualTo(200);
            assertThat(weekly.body().path("previous").asString()).isEqualTo("MONTHLY");
            assertThat(weekly.body().path("storesReplanned").asInt()).isPositive();
            assertThat(scheduled(wholesale)).hasSize(13);
            assertThat(scheduled(hyper)).as("other formats untouched").hasSize(hyperVisits);
            var again = nora.put("/api/visits/standards/B/WHOLESALE", Map.of("frequency", "WEEKLY"), null);
            assertThat(again.body().path("visitsPlanned").asInt()).as("the same standard again changes nothing").isZero();

            var removed = nora.delete("/api/visits/standards/B/WHOLESALE");

            assertThat(removed.body().path("frequency").isNull()).isTrue();
            assertThat(scheduled(wholesale)).isEmpty();
            assertThat(stores.awaitStore(account, wholesale, s -> true).path("unplannedReason").asString())
                    .isEqualTo("NO_STANDARD");
            assertThat(awaitEvents(account, e -> e.stream().filter(v -> v.type().equals("kam.visit.cancelled")).count() >= 13)
                    .getLast().actor()).as("the manager caused it").isEqualTo("nora");
        } finally {
            nora.put("/api/visits/standards/B/WHOLESALE", Map.of("frequency", "MONTHLY"), null);
        }
        assertThat(scheduled(wholesale)).as("restored").hasSizeBetween(2, 4);
    }

    @Test
    void onlyManagersSetStandards_andBadValuesAreRefused() {
        assertThat(eric.put("/api/visits/standards/A/WHOLESALE", Map.of("frequency", "WEEKLY"), null).status()).isEqualTo(403);
        assertThat(eric.delete("/api/visits/standards/A/WHOLESALE").status()).isEqualTo(403);
        assertThat(nora.put("/api/visits/standards/A/WHOLESALE", Map.of("frequency", "HOURLY"), null).fieldErrors())
                .singleElement().asString().startsWith("frequency: must be one of");
        assertThat(nora.put("/api/visits/standards/D/WHOLESALE", Map.of("frequency", "WEEKLY"), null).fieldErrors())
                .containsExactly("tier: must be a ValueTier");
        assertThat(frequency(nora.get("/api/visits/standards").body(), "A", "WHOLESALE")).isEqualTo("FORTNIGHTLY");
    }

    @Test
    void aRegionStartsUnassigned_andANewCoordinatorTakesOverItsVisitsStillToBeMade() {
        nora.delete("/api/visits/regions/NORTHEAST/coordinator");
        UUID account = stores.anAccount(ValueTier.A);
        UUID store = stores.openStore(account, Region.NORTHEAST, RetailFormat.HYPERMARKET);
        JsonNode northeast = region(nora.get("/api/visits/regions").body(), "NORTHEAST");
        assertThat(northeast.path("assigned").asBoolean()).isFalse();
        assertThat(northeast.path("coordinator").isNull()).isTrue();
        assertThat(scheduled(store)).hasSize(13).allSatisfy(v -> assertThat(v.path("coordinator").isNull()).isTrue());
        assertThat(items(nora.get("/api/visits?unassigned=true&storeId=" + store))).hasSize(13);

        var assigned = nora.put("/api/visits/regions/NORTHEAST/coordinator", Map.of("coordinator", "nina"), null);

        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().at("/region/assigned").asBoolean()).isTrue();
        assertThat(assigned.body().at("/region/changedBy").asString()).isEqualTo("nora");
        assertThat(assigned.body().path("visitsReassigned").asInt()).isGreaterThanOrEqualTo(13);
        assertThat(scheduled(store)).allSatisfy(v -> assertThat(v.path("coordinator").asString()).isEqualTo("nina"));
        var event = awaitEvents(account, e -> e.stream().anyMatch(v -> v.type().equals("kam.visits.reassigned")))
                .stream().filter(e -> e.type().equals("kam.visits.reassigned")).findFirst().orElseThrow();
        assertThat(event.data().path("coordinator").asString()).isEqualTo("nina");
        assertThat(event.data().path("previousCoordinator").isNull()).isTrue();
        assertThat(event.data().path("visitIds")).hasSize(13);

        var unassigned = nora.delete("/api/visits/regions/NORTHEAST/coordinator");

        assertThat(unassigned.body().path("previousCoordinator").asString()).isEqualTo("nina");
        assertThat(scheduled(store)).allSatisfy(v -> assertThat(v.path("coordinator").isNull()).isTrue());
        assertThat(eric.put("/api/visits/regions/NORTHEAST/coordinator", Map.of("coordinator", "eric"), null).status())
                .isEqualTo(403);
        assertThat(nora.put("/api/visits/regions/NORTHEAST/coordinator", Map.of("coordinator", "no spaces"), null)
                .fieldErrors()).singleElement().asString().startsWith("coordinator: must be a login name");
    }

    private List<JsonNode> scheduled(UUID store) {
        return items(nora.get("/api/visits?storeId=" + store + "&size=1000")).stream()
                .filter(v -> !v.path("status").asString().equals("CANCELLED")).toList();
    }

    private static String frequency(JsonNode standards, String tier, String format) {
        return standards.valueStream().filter(s -> s.path("tier").asString().equals(tier)
                && s.path("format").asString().equals(format)).findFirst().orElseThrow().path("frequency").asString();
    }

    private static JsonNode region(JsonNode regions, String name) {
        return regions.valueStream().filter(r -> r.path("region").asString().equals(name)).findFirst().orElseThrow();
    }
}
