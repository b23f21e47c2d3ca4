package io.kam.accounts.prospect;

import static io.kam.accounts.ProspectFixture.aNextAction;
import static io.kam.accounts.ProspectFixture.aSupermarketChain;
import static io.kam.accounts.ProspectFixture.converted;
import static io.kam.accounts.ProspectFixture.convertedOverriding;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.kam.accounts.AccountFixture;
import io.kam.accounts.ServiceTest;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;

/**
 * A prospect converted in the prospects service becomes an account here: the one its events were keyed by, classified
 * as proposed, once however often the conversion arrives; a name another account has is told apart by the city.
 */
class ConvertedProspectsTest extends ServiceTest {

    private static final String DEAD_LETTERS = ProspectEvents.TOPIC + ".dlt";

    @Autowired
    JdbcClient jdbc;

    private TopicWriter<ProspectEvent> prospects;

    @BeforeEach
    void topic() {
        prospects = TopicWriter.of(ProspectEvents.CATALOG);
    }

    @Test
    void aConvertedProspectOpensItsAccountClassifiedAsProposed() {
        UUID account = UUID.randomUUID();
        String company = AccountFixture.unique("Ningbo Harbour Fresh Markets");
        ProspectConverted conversion = converted(account, aSupermarketChain(company, "Ningbo"));

        prospects.publish(conversion, "nora");

        JsonNode opened = awaitAccount(account);
        assertThat(opened.get("name").asString()).isEqualTo(company);
        assertThat(opened.get("banner").asString()).isEqualTo(company);
        assertThat(opened.get("format").asString()).isEqualTo("SUPERMARKET");
        assertThat(opened.at("/headquarters/street").asString()).isEqualTo("18 Zhongshan East Road");
        assertThat(opened.at("/headquarters/city").asString()).isEqualTo("Ningbo");
        assertThat(opened.at("/headquarters/postalCode").asString()).isEqualTo("315000");
        assertThat(opened.get("scope").asString()).isEqualTo("REGIONAL");
        assertThat(opened.get("homeRegion").asString()).isEqualTo("EAST");
        assertThat(opened.get("owner").asString()).isEqualTo("eric");
        assertThat(opened.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(opened.get("stage").asString()).isEqualTo("TARGET_EVALUATION");
        assertThat(opened.get("tier").asString()).isEqualTo("B");
        assertThat(opened.get("role").asString()).isEqualTo("RED");
        assertThat(api.get("/api/accounts/" + account).etag()).as("opened, then classified").isEqualTo("\"1\"");

        JsonNode classification = api.get("/api/accounts/" + account + "/classification").body();
        assertThat(classification.get("history")).hasSize(1);
        assertThat(classification.at("/history/0/reason").asString())
                .isEqualTo("proposed at conversion from prospect screening (score 78.0 of 70)");
        assertThat(classification.at("/history/0/changedBy").asString()).isEqualTo("nora");
        assertThat(api.get("/api/accounts/" + account + "/stage").body().get("history"))
                .as("opened at the first stage, nothing to record").isEmpty();

        List<EventEnvelope> events = awaitEvents(account, e -> e.size() >= 2);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.classified");
        assertThat(events).extracting(EventEnvelope::actor).containsOnly("nora");
        assertThat(events.get(0).data().get("homeRegion").asString()).isEqualTo("EAST");
        assertThat(events.get(1).data().get("classifiedBy").asString()).isEqualTo("nora");
        assertThat(events.get(1).data().get("previousTier").isNull()).isTrue();
    }

    @Test
    void aCoordinatorOfTheProspectsRegionSeesTheNewAccountAndAnotherRegionsDoesNot() {
        UUID account = UUID.randomUUID();
        prospects.publish(converted(account, aSupermarketChain(AccountFixture.unique("Wenzhou Corner Stores"),
                "Wenzhou")), "nora");
        awaitAccount(account);

        assertThat(anonymous.as(TestTokens.eric()).get("/api/accounts/" + account).status()).isEqualTo(200);
        assertThat(anonymous.as(TestTokens.sofia()).get("/api/accounts/" + account).status()).isEqualTo(404);
    }

    @Test
    void aConversionBelowTheQualifyingScoreCarriesTheOverrideIntoTheReason() {
        UUID account = UUID.randomUUID();
        prospects.publish(convertedOverriding(account, aSupermarketChain(AccountFixture.unique("Shaoxing Value Mart"),
                "Shaoxing"), "Strategic foothold before the competitor"), "nora");

        awaitAccount(account);
        JsonNode classification = api.get("/api/accounts/" + account + "/classification").body();
        assertThat(classification.get("tier").asString()).isEqualTo("C");
        assertThat(classification.get("role").asString()).isEqualTo("WHITE");
        assertThat(classification.at("/history/0/reason").asString())
                .isEqualTo("proposed at conversion from prospect screening (score 61.5 of 70)"
                        + " (override: Strategic foothold before the competitor)");
    }

    @Test
    void aConversionDeliveredTwiceOrPublishedAgainUnderANewEventIdOpensOneAccount() {
        UUID account = UUID.randomUUID();
        ProspectConverted conversion = converted(account, aSupermarketChain(AccountFixture.unique("Jiaxing Daily Fresh"),
                "Jiaxing"));

        EventEnvelope first = prospects.publish(conversion, "nora");
        prospects.publish(first);
        EventEnvelope again = prospects.publish(conversion, "nora");
        EventEnvelope after = prospects.publish(aNextAction(account), "eric");
        awaitProcessed(List.of(first.id(), again.id(), after.id()));

        assertThat(api.get("/api/accounts/" + account).status()).isEqualTo(200);
        assertThat(api.get("/api/accounts/" + account).etag()).as("opened and classified once").isEqualTo("\"1\"");
        assertThat(api.get("/api/accounts/" + account + "/classification").body().get("history")).hasSize(1);
        assertThat(types(awaitEvents(account, e -> e.size() >= 2))).as("published once each")
                .containsExactly("kam.account.opened", "kam.account.classified");
        assertThat(deadLetters(account)).isEmpty();
    }

    @Test
    void aNameAnotherAccountHasIsToldApartByTheCityAndWhenThatIsTakenTooTheConversionIsSetAside() {
        String company = AccountFixture.unique("Hangzhou Lakeside Markets");
        open(anAccountNamed(company));
        UUID withCity = UUID.randomUUID();

        prospects.publish(converted(withCity, aSupermarketChain(company, "Hangzhou")), "nora");

        assertThat(awaitAccount(withCity).get("name").asString()).isEqualTo(company + " (Hangzhou)");

        UUID third = UUID.randomUUID();
        EventEnvelope refused = prospects.publish(converted(third, aSupermarketChain(company.toUpperCase(), "Hangzhou")),
                "nora");
        EventEnvelope after = prospects.publish(aNextAction(third), "eric");

        var dead = TopicReader.awaitRecords(DEAD_LETTERS, r -> third.toString().equals(r.key()));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(CODEC.encode(refused));
            assertThat(TopicReader.header(record, DeadLetters.REASON_HEADER))
                    .startsWith("ConversionRefused: kam.prospect.converted cannot open account " + third)
                    .contains("other accounts are named " + company.toUpperCase() + " and "
                            + company.toUpperCase() + " (Hangzhou)");
        });
        awaitProcessed(List.of(after.id()));
        assertThat(api.get("/api/accounts/" + third).status()).isEqualTo(404);
    }

    @Test
    void aConversionWithoutWhatAnAccountNeedsIsSetAsideWithTheReason() {
        UUID account = UUID.randomUUID();
        var details = aSupermarketChain(AccountFixture.unique("Nameless"), "Ningbo");
        var noAddress = new ProspectEvents.ProspectDetails(details.companyName(), details.channel(), null, null,
                details.taxId(), details.source(), details.referringAccountId(), details.competitor(),
                details.competitorLoyalty(), details.owner(), details.profile());

        prospects.publish(converted(account, noAddress), "nora");

        var dead = TopicReader.awaitRecords(DEAD_LETTERS, r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER))
                .endsWith("an account needs address (street and city), region");
        assertThat(api.get("/api/accounts/" + account).status()).isEqualTo(404);
    }

    @Test
    void everyOtherSampleOfTheProspectsContractIsReadAndOpensNothing() throws IOException {
        UUID account = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (EventCatalog.WireName name : ProspectEvents.CATALOG.wireNames()) {
            if (name.type().equals("kam.prospect.converted")) {
                continue;
            }
            ObjectNode envelope = (ObjectNode) CODEC.tree(EventSamples.json(name));
            UUID id = UUID.randomUUID();
            envelope.put("id", id.toString());
            String key = envelope.get("subject").asString();
            if (envelope.get("data").has("accountId")) {
                key = account.toString();
                envelope.put("subject", key);
                ((ObjectNode) envelope.get("data")).put("accountId", key);
            }
            prospects.publish(key, envelope.toString());
            ids.add(id);
        }

        awaitProcessed(ids);
        assertThat(ids).hasSize(7);
        assertThat(api.get("/api/accounts/" + account).status()).isEqualTo(404);
        assertThat(deadLetters(account)).isEmpty();
    }

    private JsonNode awaitAccount(UUID account) {
        return Awaitility.await("account " + account).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/accounts/" + account), r -> r.status() == 200 && !r.body().get("tier").isNull())
                .body();
    }

    /** Waits until this service has recorded every one of these prospect events as processed. */
    private void awaitProcessed(List<UUID> eventIds) {
        Awaitility.await("prospect events processed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :consumer and event_id = any(:ids)")
                        .param("consumer", ProspectsListener.CONSUMER).param("ids", eventIds.toArray(UUID[]::new))
                        .query(Long.class).single(), count -> count == eventIds.size());
    }

    private static List<?> deadLetters(UUID account) {
        return TopicReader.readAll(DEAD_LETTERS).stream().filter(r -> account.toString().equals(r.key())).toList();
    }

    private static AccountRequests.OpenAccount anAccountNamed(String name) {
        return new AccountRequests.OpenAccount(name, "Lakeside", RetailFormat.SUPERMARKET, null,
                new Address("1 Hubin Road", "Hangzhou", "Zhejiang", "310000"), AccountScope.NATIONAL, null, "nora",
                null, null);
    }
}
