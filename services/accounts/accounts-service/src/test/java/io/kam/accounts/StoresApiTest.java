package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.Region;

class StoresApiTest extends ServiceTest {

    @Test
    void opensAStoreWithLocationAndEvent() {
        UUID account = open(aNationalHypermarketChain());

        var created = api.post("/api/accounts/" + account + "/stores", aStore("HZ-001", Region.EAST));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString("/api/accounts/" + account + "/stores/" + created.text("id"));
        assertThat(created.text("status")).isEqualTo("OPEN");
        assertThat(api.get("/api/accounts/" + account).body().path("openStores").asLong()).isEqualTo(1);
        var events = awaitEvents(account, e -> e.size() == 2);
        assertThat(events.get(1).type()).isEqualTo("kam.store.opened");
        assertThat(events.get(1).data().path("region").asString()).isEqualTo("EAST");
    }

    @Test
    void opensManyStoresAtOnceInOrder() {
        UUID account = open(aNationalHypermarketChain());
        var stores = List.of(aStore("BJ-001", Region.NORTH), aStore("GZ-001", Region.SOUTH), aStore("CD-001", Region.WEST));

        var created = api.post("/api/accounts/" + account + "/stores/bulk", new AccountRequests.OpenStores(stores));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().valueStream().map(s -> s.path("code").asString())).containsExactly("BJ-001", "GZ-001", "CD-001");
        var page = api.get("/api/accounts/" + account + "/stores?region=SOUTH").body();
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(types(awaitEvents(account, e -> e.size() == 4)))
                .containsExactly("kam.account.opened", "kam.store.opened", "kam.store.opened", "kam.store.opened");
    }

    @Test
    void aBulkWithOneBadStoreWritesNoneAndNamesTheField() {
        UUID account = open(aNationalHypermarketChain());

        var response = api.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                aStore("OK-001", Region.EAST),
                Map.of("code", "BAD 002", "name", "", "city", "Suzhou", "region", "EAST", "format", "SUPERMARKET"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactlyInAnyOrder(
                "stores[1].code: may hold only letters, digits, '.', '_' and '-'",
                "stores[1].name: must not be blank");
        assertThat(storeCount(account)).isZero();
    }

    @Test
    void anUnknownRegionNamesItsPlaceInTheBulk() {
        UUID account = open(aNationalHypermarketChain());

        var response = api.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                Map.of("code", "X-1", "name", "X", "city", "Lhasa", "region", "TIBET", "format", "SUPERMARKET"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).singleElement().asString().startsWith("stores[0].region: must be one of [EAST,");
    }

    @Test
    void duplicateStoreCodesAreConflictsAndWriteNothing() {
        UUID account = open(aNationalHypermarketChain());
        api.post("/api/accounts/" + account + "/stores", aStore("SH-001", Region.EAST));

        var single = api.post("/api/accounts/" + account + "/stores", aStore("SH-001", Region.EAST));
        var bulk = api.post("/api/accounts/" + account + "/stores/bulk",
                new AccountRequests.OpenStores(List.of(aStore("SH-002", Region.EAST), aStore("SH-001", Region.EAST))));
        var repeated = api.post("/api/accounts/" + account + "/stores/bulk",
                new AccountRequests.OpenStores(List.of(aStore("SH-003", Region.EAST), aStore("SH-003", Region.EAST))));

        assertThat(single.status()).isEqualTo(409);
        assertThat(single.text("code")).isEqualTo("duplicate-store-code");
        assertThat(bulk.status()).isEqualTo(409);
        assertThat(bulk.text("detail")).contains("SH-001");
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(storeCount(account)).as("only the first store exists").isEqualTo(1);
    }

    @Test
    void theSameCodeMayBeUsedByAnotherAccount() {
        UUID first = open(aNationalHypermarketChain());
        UUID second = open(aNationalHypermarketChain());
        api.post("/api/accounts/" + first + "/stores", aStore("C-001", Region.CENTRE));

        assertThat(api.post("/api/accounts/" + second + "/stores", aStore("C-001", Region.CENTRE)).status()).isEqualTo(201);
    }

    @Test
    void closingAStoreKeepsItAndStopsCountingIt() {
        UUID account = open(aNationalHypermarketChain());
        String store = api.post("/api/accounts/" + account + "/stores", aStore("WH-001", Region.CENTRE)).text("id");
        String path = "/api/accounts/" + account + "/stores/" + store + "/closure";

        var closed = api.post(path, Map.of("closedOn", "2026-02-28", "reason", "Lease not renewed"));
        var again = api.post(path, Map.of("reason", "again"));

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.text("closedOn")).isEqualTo("2026-02-28");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("/api/accounts/" + account).body().path("openStores").asLong()).isZero();
        assertThat(api.post(path.replace(store, UUID.randomUUID().toString()), Map.of("reason", "x")).status()).isEqualTo(404);
        var events = awaitEvents(account, e -> e.size() == 3);
        assertThat(events.get(2).type()).isEqualTo("kam.store.closed");
        assertThat(events.get(2).data().path("reason").asString()).isEqualTo("Lease not renewed");
    }

    @Test
    void aStoreCannotCloseOnADayStillAhead() {
        UUID account = open(aNationalHypermarketChain());
        String store = api.post("/api/accounts/" + account + "/stores", aStore("FT-001", Region.EAST)).text("id");

        var response = api.post("/api/accounts/" + account + "/stores/" + store + "/closure",
                Map.of("closedOn", java.time.LocalDate.now().plusDays(3).toString(), "reason", "planned"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).singleElement().asString().startsWith("closedOn: must not be after today");
    }

    @Test
    void aStoreOfOneAccountIsNotFoundUnderAnother() {
        UUID owner = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        String store = api.post("/api/accounts/" + owner + "/stores", aStore("OW-001", Region.EAST)).text("id");

        assertThat(api.get("/api/accounts/" + other + "/stores/" + store).status()).isEqualTo(404);
        assertThat(api.post("/api/accounts/" + other + "/stores/" + store + "/closure", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/accounts/" + owner + "/stores/" + store).text("status")).isEqualTo("OPEN");
    }

    @Test
    void storesOfAnUnknownAccountAreNotFound() {
        UUID unknown = UUID.randomUUID();

        assertThat(api.post("/api/accounts/" + unknown + "/stores", aStore("X-1", Region.EAST)).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/" + unknown + "/stores").status()).isEqualTo(404);
    }

    private long storeCount(UUID account) {
        return api.get("/api/accounts/" + account + "/stores").body().path("totalItems").asLong();
    }
}
