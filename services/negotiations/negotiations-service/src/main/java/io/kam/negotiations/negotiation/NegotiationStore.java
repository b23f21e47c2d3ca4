package io.kam.negotiations.negotiation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.RoundRecorded;
import io.kam.negotiations.api.NegotiationStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The negotiations, their rounds and gives, and every agreement version, in PostgreSQL. The preparation, rounds and
 * gives are kept as the JSON of the events that recorded them; what queries filter on has a column of its own.
 */
@Component
class NegotiationStore {

    /** One signed version of an agreement, as signed. */
    record AgreementVersion(UUID agreementId, int version, UUID accountId, UUID negotiationId, int year,
                            AgreementTerms terms, String recordedBy, Instant recordedAt,
                            @Nullable String amendmentReason) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NegotiationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises the changes to one account's negotiations and agreements until the transaction ends. */
    void lockAccount(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(? as text), 1))").param(accountId)
                .query((rs, n) -> 1).list();
    }

    Optional<Negotiation> find(UUID id) {
        return jdbc.sql("select * from negotiation where id = ?").param(id).query(this::row).optional();
    }

    Optional<Negotiation> findForUpdate(UUID id) {
        return jdbc.sql("select * from negotiation where id = ? for update").param(id).query(this::row).optional();
    }

    Optional<Negotiation> find(UUID accountId, int year) {
        return jdbc.sql("select * from negotiation where account_id = ? and year = ?").params(accountId, year)
                .query(this::row).optional();
    }

    List<Negotiation> list(@Nullable UUID accountId, @Nullable Integer year) {
        return jdbc.sql("""
                        select * from negotiation where (cast(:account as uuid) is null or account_id = :account)
                            and (cast(:year as int) is null or year = :year)
                        order by year desc, updated_at desc limit 500""")
                .param("account", accountId).param("year", year).query(this::row).list();
    }

    Negotiation insert(Negotiation n) {
        jdbc.sql("""
                        insert into negotiation (id, account_id, year, status, previous_agreement_id, opened_by,
                            updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(n.id(), n.accountId(), n.year(), n.status().name(), n.previousAgreementId(), n.openedBy(),
                        Timestamp.from(n.updatedAt()))
                .update();
        return find(n.id()).orElseThrow();
    }

    /** Saves the negotiation's new state; its version goes up by one. */
    Negotiation update(Negotiation n) {
        jdbc.sql("""
                        update negotiation set status = :status, preparation = cast(:preparation as jsonb),
                            preparation_authors = cast(:authors as text[]), approved_by = :approvedBy,
                            rounds = :rounds, gives = :gives, agreement_id = :agreement, updated_at = :updatedAt,
                            version = version + 1
                        where id = :id""")
                .param("status", n.status().name())
                .param("preparation", n.preparation() == null ? null : json.writeValueAsString(n.preparation()))
                .param("authors", n.preparationAuthors().toArray(String[]::new))
                .param("approvedBy", n.approvedBy()).param("rounds", n.rounds()).param("gives", n.gives())
                .param("agreement", n.agreementId()).param("updatedAt", Timestamp.from(n.updatedAt()))
                .param("id", n.id())
                .update();
        return find(n.id()).orElseThrow();
    }

    void insertRound(RoundRecorded round) {
        jdbc.sql("insert into negotiation_round (negotiation_id, round, held_on, body) values (?, ?, ?, cast(? as jsonb))")
                .params(round.negotiationId(), round.round(), round.heldOn(), json.writeValueAsString(round)).update();
    }

    List<RoundRecorded> rounds(UUID negotiationId) {
        return jdbc.sql("select body from negotiation_round where negotiation_id = ? order by round")
                .param(negotiationId).query((rs, n) -> json.readValue(rs.getString(1), RoundRecorded.class)).list();
    }

    void insertGive(GiveRecorded give) {
        jdbc.sql("""
                        insert into give (id, negotiation_id, sequence, round, term_id, body)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(give.giveId(), give.negotiationId(), give.sequence(), give.round(), give.termId(),
                        json.writeValueAsString(give))
                .update();
    }

    /** The negotiation's gives in the order they were made. */
    List<GiveRecorded> gives(UUID negotiationId) {
        return jdbc.sql("select body from give where negotiation_id = ? order by sequence").param(negotiationId)
                .query((rs, n) -> json.readValue(rs.getString(1), GiveRecorded.class)).list();
    }

    void insertVersion(AgreementVersion v) {
        jdbc.sql("""
                        insert into agreement_version (agreement_id, version, account_id, negotiation_id, year,
                            effective_from, effective_to, terms, trade_spend, recorded_by, recorded_at,
                            amendment_reason)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(v.agreementId(), v.version(), v.accountId(), v.negotiationId(), v.year(),
                        v.terms().effectiveFrom(), v.terms().effectiveTo(), json.writeValueAsString(v.terms()),
                        v.terms().tradeSpendPercent(), v.recordedBy(), Timestamp.from(v.recordedAt()),
                        v.amendmentReason())
                .update();
    }

    /** Every version of the agreement, first to latest. */
    List<AgreementVersion> versions(UUID agreementId) {
        return jdbc.sql("select * from agreement_version where agreement_id = ? order by version").param(agreementId)
                .query(this::version).list();
    }

    /** The latest version of the agreement that ended the account's negotiation of that year. */
    Optional<AgreementVersion> latestOfYear(UUID accountId, int year) {
        return jdbc.sql("""
                        select * from agreement_version where account_id = ? and year = ?
                        order by version desc limit 1""")
                .params(accountId, year).query(this::version).optional();
    }

    /** The latest version of every account's agreement of the year. */
    List<AgreementVersion> latestOfYear(int year) {
        return jdbc.sql("""
                        select distinct on (account_id) * from agreement_version where year = ?
                        order by account_id, version desc""")
                .param(year).query(this::version).list();
    }

    private AgreementVersion version(ResultSet rs, int n) throws SQLException {
        return new AgreementVersion(rs.getObject("agreement_id", UUID.class), rs.getInt("version"),
                rs.getObject("account_id", UUID.class), rs.getObject("negotiation_id", UUID.class), rs.getInt("year"),
                json.readValue(rs.getString("terms"), AgreementTerms.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("amendment_reason"));
    }

    private Negotiation row(ResultSet rs, int n) throws SQLException {
        String preparation = rs.getString("preparation");
        return new Negotiation(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getInt("year"), NegotiationStatus.valueOf(rs.getString("status")),
                rs.getObject("previous_agreement_id", UUID.class), rs.getString("opened_by"),
                preparation == null ? null : json.readValue(preparation, PreparationSubmitted.class),
                strings(rs.getArray("preparation_authors")), rs.getString("approved_by"), rs.getInt("rounds"),
                rs.getInt("gives"), rs.getObject("agreement_id", UUID.class),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
