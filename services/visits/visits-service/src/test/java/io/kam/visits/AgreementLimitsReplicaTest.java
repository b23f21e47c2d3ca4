package io.kam.visits;

import static io.kam.visits.AgreementsFixture.amended;
import static io.kam.visits.AgreementsFixture.percent;
import static io.kam.visits.AgreementsFixture.signed;
import static io.kam.visits.AgreementsFixture.usual;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.TermKind;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;

/**
 * The limits replica follows kam.negotiations.v1 as a replica must: a redelivered event, or a signed version published
 * again, is applied once; what can never be applied ends on the dead-letter topic with the reason; emptied and replayed
 * from the beginning it comes back the same; every sample of the negotiations contract is applied or deliberately
 * ignored.
 */
class AgreementLimitsReplicaTest extends ServiceTest {

    private static final String DEAD_LETTERS = NegotiationEvents.TOPIC + ".dlt";

    private UUID account;
    private UUID agreement;

    @BeforeEach
    void anAccount() {
        account = stores.anAccount(null);
        agreement = UUID.randomUUID();
    }

    @Test
    void givenASignedVersion_whenItIsRedeliveredOrPublishedAgainUnderANewId_thenItIsAppliedOnce() {
        AgreementSigned signed = signed(account, agreement, usual());
        EventEnvelope first = agreements.publish(signed);

        agreements.topic().publish(first);
        agreements.publish(signed);
        agreements.publish(amended(account, agreement, 2, TODAY, List.of(percent(TermKind.ON_INVOICE_DISCOUNT, "4.00"))));

        assertThat(jdbc.sql("select version from agreement_limit_version where agreement_id = :id order by version")
                .param("id", agreement).query(Integer.class).list()).containsExactly(1, 2);
        assertThat(jdbc.sql("select count(*) from agreement_limit where agreement_id = :id and version = 1")
                .param("id", agreement).query(Long.class).single()).as("no limit doubled").isEqualTo(4);
        assertThat(dead()).isEmpty();
    }

    @Test
    void whatCanNeverBeAppliedEndsOnTheDeadLetterTopicWithTheReason() {
        agreements.publish(signed(account, agreement, usual()));
        var signedAsTwo = signed(account, UUID.randomUUID(), usual());
        agreements.topic().publish(new AgreementSigned(account, signedAsTwo.negotiationId(), signedAsTwo.agreementId(), 2,
                signedAsTwo.agreement(), "nora"));
        agreements.topic().publish(signed(account, agreement, List.of(percent(TermKind.ON_INVOICE_DISCOUNT, "9.00"))));
        var skipping = amended(account, agreement, 3, TODAY, usual());
        agreements.topic().publish(new AgreementAmended(account, skipping.negotiationId(), agreement, 3, 1,
                skipping.agreement(), skipping.reason(), "nora"));
        agreements.topic().publish(account.toString(), "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"kam.agreement.torn-up\"");

        var reasons = Awaitility.await("four dead letters").atMost(Duration.ofSeconds(30))
                .until(this::dead, d -> d.size() >= 4);

        assertThat(reasons).anyMatch(r -> r.contains("a signed agreement is version 1, not 2"));
        assertThat(reasons).anyMatch(r -> r.contains("cannot record version 1 of agreement " + agreement)
                && r.contains("recorded already with other days or limits"));
        assertThat(reasons).anyMatch(r -> r.contains("an amendment is the version after its previous one (1 + 1), not 3"));
        assertThat(jdbc.sql("select value from agreement_limit where agreement_id = :id and version = 1 and kind = "
                + "'ON_INVOICE_DISCOUNT'").param("id", agreement).query(java.math.BigDecimal.class).single())
                .as("what was signed stays").isEqualByComparingTo("3.00");
    }

    @Test
    void givenSignedAndAmendedVersions_whenTheReplicaIsEmptiedAndReplayed_thenItIsTheSame() {
        List<EventEnvelope> published = List.of(agreements.publish(signed(account, agreement, usual())),
                agreements.publish(amended(account, agreement, 2, TODAY.withDayOfMonth(1),
                        List.of(percent(TermKind.ON_INVOICE_DISCOUNT, "4.00")))));
        List<Map<String, Object>> before = rows();

        jdbc.sql("delete from agreement_limit where agreement_id = :id").param("id", agreement).update();
        jdbc.sql("delete from agreement_limit_version where agreement_id = :id").param("id", agreement).update();
        for (EventEnvelope envelope : published.reversed()) {
            jdbc.sql("delete from kam_processed_event where consumer = :c and event_id = :id")
                    .param("c", AgreementsFixture.CONSUMER).param("id", envelope.id()).update();
            agreements.topic().publish(envelope);
            agreements.awaitProcessed(envelope);
        }

        assertThat(before).hasSize(5);
        assertThat(rows()).as("in either order of arrival").isEqualTo(before);
    }

    @Test
    void everySampleEventOfTheNegotiationsContractIsAppliedOrDeliberatelyIgnored() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        String sampleAgreement = "6f708192-a3b4-4cc5-8f60-7b8c9d0e1f2a";
        List<UUID> ids = new ArrayList<>();
        for (WireName name : NegotiationEvents.CATALOG.wireNames()) {
            ObjectNode envelope = (ObjectNode) json.readTree(EventSamples.json(name));
            UUID id = UUID.randomUUID();
            ids.add(id);
            envelope.put("id", id.toString());
            envelope.put("subject", account.toString());
            ObjectNode data = (ObjectNode) envelope.get("data");
            data.put("accountId", account.toString());
            if (data.has("agreementId") && data.get("agreementId").asString().equals(sampleAgreement)) {
                data.put("agreementId", agreement.toString());
            }
            agreements.topic().publish(account.toString(), json.writeValueAsString(envelope));
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> jdbc.sql("select count(*) from kam_processed_event where consumer = :c and event_id = :id")
                        .param("c", AgreementsFixture.CONSUMER).param("id", id).query(Long.class).single() == 1));
        assertThat(jdbc.sql("select version from agreement_limit_version where agreement_id = :id order by version")
                .param("id", agreement).query(Integer.class).list()).containsExactly(1, 2);
        assertThat(jdbc.sql("select kind from agreement_limit where agreement_id = :id and version = 1 order by position")
                .param("id", agreement).query(String.class).list())
                .containsExactly("ON_INVOICE_DISCOUNT", "OFF_INVOICE_REBATE", "LISTING_FEE", "NEW_STORE_FEE",
                        "ANNIVERSARY_FEE");
        assertThat(dead()).isEmpty();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                        select v.version, v.account_id, v.effective_from, v.effective_to, v.digest, l.position, l.kind,
                               l.unit, l.per, l.value
                        from agreement_limit_version v join agreement_limit l
                          on l.agreement_id = v.agreement_id and l.version = v.version
                        where v.agreement_id = :id order by v.version, l.position""")
                .param("id", agreement).query().listOfRows();
    }

    /** The reasons of the dead letters of this test's account. */
    private List<String> dead() {
        return TopicReader.readAll(DEAD_LETTERS).stream().filter(r -> account.toString().equals(r.key()))
                .map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList();
    }
}
