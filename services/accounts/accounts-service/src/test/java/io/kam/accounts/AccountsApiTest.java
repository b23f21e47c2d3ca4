package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aSouthernSupermarketChain;
import static io.kam.accounts.AccountFixture.shanghaiHq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;

class AccountsApiTest extends ServiceTest {

    @Test
    void opensAnAccountWithLocationVersionAndEvent() {
        var request = aNationalHypermarketChain();

        var created = api.post("/api/accounts", request);

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.headers().getLocation()).hasToString("/api/accounts/" + id);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.body().path("version").asLong()).isZero();
        assertThat(created.text("stage")).isEqualTo("TARGET_EVALUATION");
        assertThat(created.text("status")).isEqualTo("ACTIVE");

        var read = api.get("/api/accounts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo(request.name());
        assertThat(read.body().path("headquarters").path("city").asString()).isEqualTo("Shanghai");

        var events = awaitEvents(UUID.fromString(id), e -> !e.isEmpty());
        assertThat(events.getFirst().type()).isEqualTo("kam.account.opened");
        assertThat(events.getFirst().actor()).isEqualTo("nora");
        assertThat(events.getFirst().data().path("name").asString()).isEqualTo(request.name());
    }

    @Test
    void refusesEachInvalidFieldByName() {
        var response = api.post("/api/accounts", Map.of(
                "name", " ",
                "format", "HYPERMARKET",
                "headquarters", Map.of("street", "88 Century Avenue"),
                "scope", "NATIONAL",
                "owner", "x".repeat(101)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(response.fieldErrors()).containsExactlyInAnyOrder(
                "banner: must not be blank",
                "headquarters.city: must not be blank",
                "name: must not be blank",
                "owner: size must be between 0 and 100");
    }

    @Test
    void refusesUnknownFormatsWithTheAllowedValues() {
        var response = api.post("/api/accounts", Map.of("name", "Kiosk King", "banner", "KK", "format", "KIOSK",
                "headquarters", shanghaiHq(), "scope", "NATIONAL", "owner", "nora"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).singleElement().asString()
                .startsWith("format: must be one of [HYPERMARKET, SUPERMARKET, CONVENIENCE, WHOLESALE, DISTRIBUTOR]");
    }

    @Test
    void aRegionalAccountWithoutRegionIsRefusedAndNothingIsWritten() {
        var request = new AccountRequests.OpenAccount(AccountFixture.unique("No Region Mart"), "NRM",
                RetailFormat.SUPERMARKET, null, shanghaiHq(), AccountScope.REGIONAL, null, "nora", null, null);

        var response = api.post("/api/accounts", request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("homeRegion: is required for a regional account");
        assertThat(api.get("/api/accounts?size=200").body().path("items").valueStream()
                .map(i -> i.path("name").asString())).doesNotContain(request.name());
    }

    @Test
    void valuesTheDatabaseCannotStoreAreRefusedAndNothingIsWritten() {
        var request = aNationalHypermarketChain();
        var withNul = new AccountRequests.OpenAccount(request.name() + "\u0000", request.banner(), request.format(),
                request.ownership(), request.headquarters(), request.scope(), null, "nora", null, null);

        var response = api.post("/api/accounts", withNul);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("title")).isEqualTo("Invalid request");
        assertThat(api.post("/api/accounts", request).status()).as("the name is still free").isEqualTo(201);
    }

    @Test
    void anExistingCustomerOpensAtItsStageWithEvidenceInTheHistory() {
        UUID id = open(aSouthernSupermarketChain());

        var stage = api.get("/api/accounts/" + id + "/stage").body();

        assertThat(stage.path("stage").asString()).isEqualTo("PRODUCT_USER");
        assertThat(stage.path("history").get(0).path("evidence").asString()).contains("UHT milk");
        var refused = api.post("/api/accounts", new AccountRequests.OpenAccount(AccountFixture.unique("Quick Mart"), "QM",
                RetailFormat.CONVENIENCE, null, shanghaiHq(), AccountScope.NATIONAL, null, "nora",
                io.kam.accounts.api.DevelopmentStage.EXCLUSIVE_USER, null));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldErrors()).containsExactly("stageEvidence: is required when an account opens beyond TARGET_EVALUATION");
    }

    @Test
    void aRepeatedReplacementChangesNothing() {
        UUID id = open(aNationalHypermarketChain());
        var current = api.get("/api/accounts/" + id);
        var same = new AccountRequests.ReviseAccount(current.text("name"), current.text("banner"), RetailFormat.HYPERMARKET,
                current.text("ownership"), shanghaiHq(), AccountScope.NATIONAL, null, "nora", AccountStatus.ACTIVE);

        var replaced = api.put("/api/accounts/" + id, same, current.etag());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).as("no new version for no change").isEqualTo(current.etag());
    }

    @Test
    void aSecondAccountWithTheSameNameIsAConflict() {
        var request = aNationalHypermarketChain();
        open(request);

        var again = api.post("/api/accounts", new AccountRequests.OpenAccount(request.name().toUpperCase(), "Other",
                RetailFormat.SUPERMARKET, null, shanghaiHq(), AccountScope.NATIONAL, null, "nora", null, null));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("duplicate-account-name");
    }

    @Test
    void unknownAccountsAreNotFoundAndMalformedIdsBadRequests() {
        var unknown = api.get("/api/accounts/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("not-found");

        assertThat(api.get("/api/accounts/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void replacingNeedsTheCurrentVersion() {
        UUID id = open(aNationalHypermarketChain());
        String path = "/api/accounts/" + id;
        var revision = new AccountRequests.ReviseAccount(AccountFixture.unique("Yangtze Hyper & Fresh"), "Yangtze Fresh",
                RetailFormat.HYPERMARKET, "listed", shanghaiHq(), AccountScope.REGIONAL, Region.EAST, "nora",
                AccountStatus.ON_HOLD);

        assertThat(api.put(path, revision, null).status()).isEqualTo(428);
        assertThat(api.put(path, revision, "\"7\"").status()).isEqualTo(412);
        var replaced = api.put(path, revision, "\"0\"");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isEqualTo("\"1\"");
        assertThat(replaced.text("homeRegion")).isEqualTo("EAST");
        assertThat(replaced.text("status")).isEqualTo("ON_HOLD");
        assertThat(api.put(path, revision, "\"0\"").status()).as("the old version is stale now").isEqualTo(412);
        var events = awaitEvents(id, e -> e.size() == 2);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.updated");
        assertThat(events.get(1).data().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void patchingChangesOnlyTheFieldsSent() {
        var request = aSouthernSupermarketChain();
        UUID id = open(request);

        var patched = api.patch("/api/accounts/" + id, Map.of("banner", "Pearl Fresh Express", "format", "CONVENIENCE"), "\"0\"");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("banner")).isEqualTo("Pearl Fresh Express");
        assertThat(patched.text("format")).isEqualTo("CONVENIENCE");
        assertThat(patched.text("name")).isEqualTo(request.name());
        assertThat(patched.text("homeRegion")).isEqualTo("SOUTH");

        var national = api.patch("/api/accounts/" + id, Map.of("scope", "NATIONAL"), patched.etag());
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.body().path("homeRegion").isNull()).as("a national account has no home region").isTrue();
    }

    @Test
    void listsArePagedAndFilterByRegionTierAndStage() {
        UUID south = open(aSouthernSupermarketChain());
        UUID national = open(aNationalHypermarketChain());
        api.post("/api/accounts/" + national + "/stores", AccountFixture.aStore("NE-001", Region.NORTHEAST));
        api.put("/api/accounts/" + national + "/classification",
                Map.of("tier", "A", "role", "WHITE", "reason", "top volume"), "\"0\"");

        assertThat(ids("/api/accounts?region=SOUTH&size=200")).contains(south.toString()).doesNotContain(national.toString());
        assertThat(ids("/api/accounts?region=NORTHEAST&size=200")).contains(national.toString()).doesNotContain(south.toString());
        assertThat(ids("/api/accounts?tier=A&size=200")).contains(national.toString()).doesNotContain(south.toString());
        assertThat(ids("/api/accounts?stage=PRODUCT_USER&size=200")).contains(south.toString()).doesNotContain(national.toString());

        var page = api.get("/api/accounts?size=1&page=0");
        long total = page.body().path("totalItems").asLong();
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(page.body().path("totalPages").asLong()).isEqualTo(total);
        assertThat(api.get("/api/accounts?size=500").status()).isEqualTo(400);
        assertThat(api.get("/api/accounts?region=ATLANTIS").status()).isEqualTo(400);
    }

    @Test
    void servesItsOpenApiDocument() {
        var document = api.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().path("paths").propertyNames()).contains("/api/accounts", "/api/accounts/{id}",
                "/api/accounts/{accountId}/stores/bulk", "/api/accounts/{id}/classification", "/api/accounts/{id}/stage");
    }

    @Test
    void answersHealthAndEchoesTheRequestId() {
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(api.get("/api/accounts/" + UUID.randomUUID()).headers().getFirst("X-Request-Id")).isNotBlank();
    }

    private java.util.List<String> ids(String path) {
        var response = api.get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
