package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRequests.ContactDetails;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;

/** Important dates (relationship upkeep): contacts' birthdays, the company's and our cooperation's anniversaries. */
class ImportantDatesApiTest extends ServiceTest {

    private static final LocalDate BORN = LocalDate.of(1981, 12, 9);
    private static final LocalDate FIRST_ORDER = LocalDate.of(2012, 4, 18);

    @Test
    void aBirthdayBelongsToAContactAndAnniversariesToTheAccount() {
        UUID account = open(aNationalHypermarketChain());
        String liWei = contact(account, aBuyer());

        var birthday = api.post(dates(account), new ImportantDateDetails(ImportantDateType.BIRTHDAY, BORN,
                UUID.fromString(liWei), null, "Likes green tea"));
        var cooperation = api.post(dates(account), new ImportantDateDetails(ImportantDateType.COOPERATION_ANNIVERSARY,
                FIRST_ORDER, null, "First order from Yangtze Hyper", null));
        var listed = api.get(dates(account)).body();

        assertThat(birthday.status()).isEqualTo(201);
        assertThat(birthday.etag()).isEqualTo("\"0\"");
        assertThat(birthday.headers().getLocation()).hasToString(dates(account) + "/" + birthday.text("id"));
        assertThat(birthday.text("title")).isEqualTo("Li Wei's birthday");
        assertThat(birthday.text("contactName")).isEqualTo("Li Wei");
        assertThat(birthday.text("date")).isEqualTo("1981-12-09");
        assertThat(cooperation.text("title")).isEqualTo("First order from Yangtze Hyper");
        assertThat(cooperation.body().path("contactId").isNull()).isTrue();
        assertThat(listed.valueStream().map(d -> d.path("type").asString())).as("in calendar order")
                .containsExactly("COOPERATION_ANNIVERSARY", "BIRTHDAY");
        var events = awaitEvents(account, e -> e.size() >= 4);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.contact.added", "kam.account.date-added",
                "kam.account.date-added");
        assertThat(events.get(2).data().path("contactId").asString()).isEqualTo(liWei);
        assertThat(events.get(2).data().path("title").asString()).isEqualTo("Li Wei's birthday");
    }

    @Test
    void changesAndRemovesADateWithItsVersion() {
        UUID account = open(aNationalHypermarketChain());
        var added = api.post(dates(account), new ImportantDateDetails(ImportantDateType.COOPERATION_ANNIVERSARY,
                FIRST_ORDER, null, null, null));
        String path = dates(account) + "/" + added.text("id");
        var plan = new ImportantDateDetails(ImportantDateType.COOPERATION_ANNIVERSARY, FIRST_ORDER, null, null,
                "15th anniversary in 2027: plan a joint event");

        var withoutVersion = api.put(path, plan, null);
        var changed = api.put(path, plan, added.etag());
        var repeated = api.put(path, plan, changed.etag());
        var stale = api.put(path, plan, added.etag());
        var staleRemoval = api.delete(path, added.etag());
        var removalWithoutVersion = api.delete(path);
        var removed = api.delete(path, changed.etag());

        assertThat(added.text("title")).startsWith("Cooperation anniversary with Yangtze Hypermarket Group");
        assertThat(withoutVersion.status()).isEqualTo(428);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(changed.text("note")).isEqualTo("15th anniversary in 2027: plan a joint event");
        assertThat(repeated.etag()).as("repeating a change changes nothing").isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(staleRemoval.status()).isEqualTo(412);
        assertThat(removalWithoutVersion.status()).isEqualTo(428);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(types(awaitEvents(account, e -> e.size() >= 4))).containsExactly("kam.account.opened",
                "kam.account.date-added", "kam.account.date-changed", "kam.account.date-removed");
    }

    @Test
    void refusesDatesThatDoNotFitAndKeepsNothingOfThem() {
        UUID account = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        UUID liWei = UUID.fromString(contact(account, aBuyer()));
        UUID elsewhere = UUID.fromString(contact(other, aBuyer()));
        LocalDate aheadOfToday = LocalDate.now(MarketCalendar.ZONE).plusDays(2);

        assertThat(post(account, ImportantDateType.BIRTHDAY, BORN, null, null).fieldErrors())
                .containsExactly("contactId: is required for a BIRTHDAY");
        assertThat(post(account, ImportantDateType.BIRTHDAY, BORN, elsewhere, null).fieldErrors())
                .containsExactly("contactId: is not a contact of this account: " + elsewhere);
        assertThat(post(account, ImportantDateType.COMPANY_ANNIVERSARY, FIRST_ORDER, liWei, null).fieldErrors())
                .containsExactly("contactId: must be empty for a COMPANY_ANNIVERSARY: only a birthday belongs to a contact");
        assertThat(post(account, ImportantDateType.COOPERATION_ANNIVERSARY, aheadOfToday, null, null).fieldErrors())
                .singleElement().asString().startsWith("date: must not be after today");
        assertThat(post(account, ImportantDateType.COOPERATION_ANNIVERSARY, FIRST_ORDER, null, "t".repeat(201))
                .fieldErrors()).containsExactly("title: size must be between 0 and 200");
        assertThat(api.post(dates(account), Map.of("title", "x")).fieldErrors())
                .containsExactly("date: must not be null", "type: must not be null");
        assertThat(api.get(dates(account)).body().size()).as("nothing refused was kept").isZero();

        assertThat(post(account, ImportantDateType.BIRTHDAY, BORN, liWei, null).status()).isEqualTo(201);
        var secondBirthday = post(account, ImportantDateType.BIRTHDAY, BORN.plusDays(1), liWei, null);
        assertThat(post(account, ImportantDateType.COMPANY_ANNIVERSARY, LocalDate.of(1995, 6, 1), null, null).status())
                .isEqualTo(201);
        var secondFounding = post(account, ImportantDateType.COMPANY_ANNIVERSARY, LocalDate.of(1996, 6, 1), null, null);
        var cooperation = post(account, ImportantDateType.COOPERATION_ANNIVERSARY, FIRST_ORDER, null, null);
        var cooperationTurnedFounding = api.put(dates(account) + "/" + cooperation.text("id"), new ImportantDateDetails(
                ImportantDateType.COMPANY_ANNIVERSARY, FIRST_ORDER, null, null, null), cooperation.etag());

        assertThat(secondBirthday.status()).isEqualTo(409);
        assertThat(secondBirthday.text("code")).isEqualTo("duplicate-birthday");
        assertThat(secondFounding.status()).isEqualTo(409);
        assertThat(secondFounding.text("code")).isEqualTo("duplicate-company-anniversary");
        assertThat(cooperationTurnedFounding.status()).isEqualTo(409);
        assertThat(api.get(dates(account)).body().valueStream().map(d -> d.path("type").asString()))
                .containsExactlyInAnyOrder("BIRTHDAY", "COMPANY_ANNIVERSARY", "COOPERATION_ANNIVERSARY");
        assertThat(types(awaitEvents(account, e -> e.size() >= 5))).containsExactly("kam.account.opened",
                "kam.contact.added", "kam.account.date-added", "kam.account.date-added", "kam.account.date-added");
    }

    @Test
    void removingAContactRemovesItsBirthdayInTheSameChange() {
        UUID account = open(aNationalHypermarketChain());
        var buyer = api.post(contacts(account), aBuyer());
        String zhangMin = contact(account, new ContactDetails("Zhang Min", Department.LOGISTICS, "DC manager",
                ContactLevel.MANAGER, null, null));
        var buyersBirthday = post(account, ImportantDateType.BIRTHDAY, BORN, UUID.fromString(buyer.text("id")), null);
        post(account, ImportantDateType.BIRTHDAY, BORN.plusDays(3), UUID.fromString(zhangMin), null);

        var removed = api.delete(contacts(account) + "/" + buyer.text("id"), buyer.etag());

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(dates(account)).body().valueStream().map(d -> d.path("contactName").asString()))
                .as("the other contact's birthday stays").containsExactly("Zhang Min");
        var events = awaitEvents(account, e -> e.size() >= 7);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.contact.added", "kam.contact.added",
                "kam.account.date-added", "kam.account.date-added", "kam.account.date-removed", "kam.contact.removed");
        assertThat(events.get(5).data().path("dateId").asString()).isEqualTo(buyersBirthday.text("id"));
        assertThat(events.get(5).data().path("type").asString()).isEqualTo("BIRTHDAY");
    }

    @Test
    void aDateOfOneAccountIsNotFoundUnderAnother() {
        UUID owner = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var date = post(owner, ImportantDateType.COOPERATION_ANNIVERSARY, FIRST_ORDER, null, null);
        String elsewhere = dates(other) + "/" + date.text("id");
        var details = new ImportantDateDetails(ImportantDateType.COOPERATION_ANNIVERSARY, FIRST_ORDER, null, null, "x");

        assertThat(api.get(elsewhere).status()).isEqualTo(404);
        assertThat(api.put(elsewhere, details, date.etag()).status()).isEqualTo(404);
        assertThat(api.delete(elsewhere, date.etag()).status()).isEqualTo(404);
        assertThat(api.get(dates(owner) + "/" + date.text("id")).etag()).isEqualTo("\"0\"");
    }

    private Api.Response post(UUID account, ImportantDateType type, LocalDate date, UUID contactId, String title) {
        return api.post(dates(account), new ImportantDateDetails(type, date, contactId, title, null));
    }

    private String contact(UUID account, ContactDetails details) {
        var added = api.post(contacts(account), details);
        assertThat(added.status()).isEqualTo(201);
        return added.text("id");
    }

    private static String contacts(UUID account) {
        return "/api/accounts/" + account + "/contacts";
    }

    static String dates(UUID account) {
        return "/api/accounts/" + account + "/dates";
    }
}
