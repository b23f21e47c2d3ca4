package io.kam.visits.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.api.LimitKind;
import io.kam.visits.api.LimitPer;
import io.kam.visits.api.LimitSource;
import io.kam.visits.api.LimitUnit;

/**
 * The limits of each account's signed agreement versions. A version is signed once and never changes: the same version
 * delivered again, or published again under a new event id, changes nothing; the same version with other days or
 * limits is refused (it would rewrite what was signed), and so is a version that breaks the contract (a signed
 * agreement is version 1, an amendment the version after its previous one; no days in force, or an end before the
 * start; a limiting term of a shape its kind does not allow, or without its figure). Versions are kept whatever their
 * order of arrival; the one in force on a day is decided when read, so a replay from the beginning yields the same.
 * The other negotiation events are ignored: nothing of a negotiation's positions is kept.
 */
@Component
public class AgreementLimits {

    private final JdbcClient jdbc;

    AgreementLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(NegotiationEvent event) {
        switch (event) {
            case AgreementSigned e -> {
                if (e.version() != 1) {
                    throw LimitTerms.refused("kam.agreement.signed", e.agreementId(), e.version(),
                            "a signed agreement is version 1, not " + e.version());
                }
                record("kam.agreement.signed", e.accountId(), e.negotiationId(), e.agreementId(), e.version(),
                        e.agreement());
            }
            case AgreementAmended e -> {
                if (e.version() < 2 || e.version() != e.previousVersion() + 1) {
                    throw LimitTerms.refused("kam.agreement.amended", e.agreementId(), e.version(), "an amendment is "
                            + "the version after its previous one (" + e.previousVersion() + " + 1), not " + e.version());
                }
                record("kam.agreement.amended", e.accountId(), e.negotiationId(), e.agreementId(), e.version(),
                        e.agreement());
            }
            default -> {
                // opened, aliases, preparations, rounds, gives: a negotiation's positions are no limit of a visit
            }
        }
    }

    /**
     * The limits of the agreement version in force for the account on the day: of the versions covering it, the
     * highest (an amendment replaces its previous version from its first day). Empty when no version covers the day.
     */
    public Optional<List<CommitmentLimit>> inForceOn(UUID accountId, LocalDate day) {
        record Version(UUID agreementId, int version, LocalDate from, LocalDate to) {
        }
        return jdbc.sql("""
                        select agreement_id, version, effective_from, effective_to from agreement_limit_version
                        where account_id = :account and effective_from <= :day and effective_to >= :day
                        order by version desc, effective_from desc, agreement_id limit 1""")
                .param("account", accountId).param("day", day)
                .query((rs, n) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .optional()
                .map(v -> jdbc.sql("""
                                select kind, unit, per, value from agreement_limit
                                where agreement_id = :agreement and version = :version order by position""")
                        .param("agreement", v.agreementId()).param("version", v.version())
                        .query((rs, n) -> new CommitmentLimit(LimitKind.valueOf(rs.getString(1)), rs.getBigDecimal(4),
                                LimitUnit.valueOf(rs.getString(2)), per(rs.getString(3)),
                                LimitSource.agreement(v.agreementId(), v.version()), v.from(), v.to()))
                        .list());
    }

    private void record(String type, UUID accountId, UUID negotiationId, UUID agreementId, int version,
                        @Nullable AgreementTerms terms) {
        if (terms == null || terms.effectiveFrom() == null || terms.effectiveTo() == null) {
            throw LimitTerms.refused(type, agreementId, version, "it states no days in force");
        }
        if (terms.effectiveTo().isBefore(terms.effectiveFrom())) {
            throw LimitTerms.refused(type, agreementId, version, "it ends (" + terms.effectiveTo() + ") before it "
                    + "begins (" + terms.effectiveFrom() + ")");
        }
        List<LimitTerms.Limit> limits = LimitTerms.of(type, agreementId, version, terms.terms());
        String digest = accountId + "|" + LimitTerms.digest(terms.effectiveFrom(), terms.effectiveTo(), limits);
        int inserted = jdbc.sql("""
                        insert into agreement_limit_version (agreement_id, version, account_id, negotiation_id,
                            effective_from, effective_to, digest)
                        values (:agreement, :version, :account, :negotiation, :from, :to, :digest)
                        on conflict (agreement_id, version) do nothing""")
                .param("agreement", agreementId).param("version", version).param("account", accountId)
                .param("negotiation", negotiationId).param("from", terms.effectiveFrom())
                .param("to", terms.effectiveTo()).param("digest", digest)
                .update();
        if (inserted == 0) {
            String held = jdbc.sql("select digest from agreement_limit_version where agreement_id = :agreement"
                            + " and version = :version")
                    .param("agreement", agreementId).param("version", version).query(String.class).single();
            if (!held.equals(digest)) {
                throw LimitTerms.refused(type, agreementId, version, "that version was recorded already with other "
                        + "days or limits; a signed version never changes, an amendment is a new version");
            }
            return;
        }
        int position = 0;
        for (LimitTerms.Limit limit : limits) {
            jdbc.sql("""
                            insert into agreement_limit (agreement_id, version, position, kind, unit, per, value)
                            values (:agreement, :version, :position, :kind, :unit, :per, :value)""")
                    .param("agreement", agreementId).param("version", version).param("position", position++)
                    .param("kind", limit.kind().name()).param("unit", limit.unit().name())
                    .param("per", limit.per() == null ? null : limit.per().name()).param("value", limit.value())
                    .update();
        }
    }

    private static @Nullable LimitPer per(@Nullable String name) {
        return name == null ? null : LimitPer.valueOf(name);
    }
}
