package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRequests.ContactDetails;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;

class ContactsApiTest extends ServiceTest {

    @Test
    void addsChangesAndRemovesAContactWithEvents() {
        UUID account = open(aNationalHypermarketChain());
        String contacts = "/api/accounts/" + account + "/contacts";

        var added = api.post(contacts, aBuyer());
        String path = contacts + "/" + added.text("id");
        var promoted = new ContactDetails("Li Wei", Department.PURCHASING, "Category director, fresh",
                ContactLevel.DIRECTOR, "+86 21 5888 1234", "li.wei@yangtze-hyper.example");
        var changed = api.put(path, promoted, added.etag());
        var staleRemoval = api.delete(path, added.etag());
        var removed = api.delete(path, changed.etag());

        assertThat(added.status()).isEqualTo(201);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("level")).isEqualTo("DIRECTOR");
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(staleRemoval.status()).as("removing a contact someone just changed").isEqualTo(412);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(types(awaitEvents(account, e -> e.size() == 4)))
                .containsExactly("kam.account.opened", "kam.contact.added", "kam.contact.changed", "kam.contact.removed");
    }

    @Test
    void changesNeedTheCurrentVersion() {
        UUID account = open(aNationalHypermarketChain());
        var added = api.post("/api/accounts/" + account + "/contacts", aBuyer());
        String path = "/api/accounts/" + account + "/contacts/" + added.text("id");

        assertThat(api.put(path, aBuyer(), null).status()).isEqualTo(428);
        assertThat(api.put(path, aBuyer(), "\"3\"").status()).isEqualTo(412);
        assertThat(api.delete(path).status()).isEqualTo(428);
    }

    @Test
    void aContactOfOneAccountIsNotFoundUnderAnother() {
        UUID owner = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var added = api.post("/api/accounts/" + owner + "/contacts", aBuyer());
        String elsewhere = "/api/accounts/" + other + "/contacts/" + added.text("id");

        assertThat(api.get(elsewhere).status()).isEqualTo(404);
        assertThat(api.put(elsewhere, aBuyer(), added.etag()).status()).isEqualTo(404);
        assertThat(api.delete(elsewhere, added.etag()).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/" + owner + "/contacts/" + added.text("id")).status()).isEqualTo(200);
    }

    @Test
    void listsContactsByDepartment() {
        UUID account = open(aNationalHypermarketChain());
        String contacts = "/api/accounts/" + account + "/contacts";
        api.post(contacts, aBuyer());
        api.post(contacts, new ContactDetails("Zhang Min", Department.LOGISTICS, "DC manager, Kunshan",
                ContactLevel.MANAGER, null, null));

        var logistics = api.get(contacts + "?department=LOGISTICS").body();

        assertThat(logistics.valueStream().map(c -> c.path("name").asString())).containsExactly("Zhang Min");
        assertThat(api.get(contacts).body().size()).isEqualTo(2);
    }

    @Test
    void refusesInvalidContactsFieldByField() {
        UUID account = open(aNationalHypermarketChain());

        var response = api.post("/api/accounts/" + account + "/contacts", Map.of(
                "name", "Chen Jie", "department", "PURCHASING", "role", "Buyer", "level", "MANAGER",
                "phone", "call me", "email", "chen.jie@"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactlyInAnyOrder(
                "email: must be a well-formed email address", "phone: must be a phone number");
        assertThat(api.post("/api/accounts/" + account + "/contacts", Map.of("name", "Chen Jie", "department", "SALES",
                "role", "Buyer", "level", "MANAGER")).status()).isEqualTo(400);
        assertThat(api.get("/api/accounts/" + account + "/contacts").body().size()).isZero();
    }
}
