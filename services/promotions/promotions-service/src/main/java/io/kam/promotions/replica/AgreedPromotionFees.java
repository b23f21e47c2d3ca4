package io.kam.promotions.replica;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.events.UndecodableEventException;

/**
 * The promotion fees ({@link TermKind#PROMOTION_FEE}) of each account's signed agreement versions, as
 * {@code kam.agreement.signed} and {@code kam.agreement.amended} carry them: the default fees of the account's
 * promotions. A version is signed once and never changes: the same version delivered again, or published again under
 * a new event id, changes nothing; the same version with other days or promotion fees is refused (it would rewrite
 * what was signed), and so is a version that breaks the contract (a signed agreement is version 1, an amendment the
 * version after its previous one; no end before the start; a promotion fee of a shape the kind does not allow, or
 * without its figure). Versions are kept whatever their order of arrival; the one in force on a day is decided when
 * read. The other negotiation events are ignored.
 */
@Component
public class AgreedPromotionFees {

    /** A promotion fee as agreed: a percent of sales, a sum a year, or a sum per store a year. */
    public record AgreedFee(UUID termId, String buyerName, ValueShape shape, @Nullable BigDecimal percent,
                            @Nullable BigDecimal amount) {
    }

    /** The promotion fees of agreement {@code agreementId} at {@code version}, in force {@code from} to {@code to}. */
    public record InForce(UUID agreementId, int version, LocalDate from, LocalDate to, List<AgreedFee> fees) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private static final TypeReference<List<AgreedFee>> FEES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgreedPromotionFees(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void apply(NegotiationEvent event) {
        switch (event) {
            case AgreementSigned e -> {
                if (e.version() != 1) {
                    throw refused("kam.agreement.signed", e.agreementId(), e.version(),
                            "a signed agreement is version 1, not " + e.version());
                }
                record("kam.agreement.signed", e.accountId(), e.agreementId(), e.version(), e.agreement());
            }
            case AgreementAmended e -> {
                if (e.version() < 2 || e.version() != e.previousVersion() + 1) {
                    throw refused("kam.agreement.amended", e.agreementId(), e.version(), "an amendment is the version "
                            + "after its previous one (" + e.previousVersion() + " + 1), not " + e.version());
                }
                record("kam.agreement.amended", e.accountId(), e.agreementId(), e.version(), e.agreement());
            }
            default -> {
                // opened, aliases, preparations, rounds, gives: nothing a promotion's default fees depend on
            }
        }
    }

    /**
     * The agreement version in force on the day: of the versions covering it, the highest (an amendment replaces its
     * previous version from its first day). Empty when none covers the day.
     */
    public Optional<InForce> inForceOn(UUID accountId, LocalDate day) {
        return jdbc.sql("""
                        select agreement_id, version, effective_from, effective_to, fees::text from agreed_promotion_fees
                        where account_id = :account and effective_from <= :day and effective_to >= :day""")
                .param("account", accountId).param("day", day)
                .query((rs, n) -> new InForce(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        json.readValue(rs.getString(5), FEES)))
                .list().stream()
                .max(Comparator.comparingInt(InForce::version).thenComparing(InForce::from));
    }

    private void record(String type, UUID accountId, UUID agreementId, int version, @Nullable AgreementTerms terms) {
        if (terms == null || terms.effectiveFrom() == null || terms.effectiveTo() == null) {
            throw refused(type, agreementId, version, "it states no days in force");
        }
        if (terms.effectiveTo().isBefore(terms.effectiveFrom())) {
            throw refused(type, agreementId, version, "it ends (" + terms.effectiveTo() + ") before it begins ("
                    + terms.effectiveFrom() + ")");
        }
        List<AgreedFee> fees = promotionFees(type, agreementId, version, terms.terms());
        String encoded = json.writeValueAsString(fees);
        int inserted = jdbc.sql("""
                        insert into agreed_promotion_fees (agreement_id, version, account_id, effective_from,
                            effective_to, fees)
                        values (:agreement, :version, :account, :from, :to, cast(:fees as jsonb))
                        on conflict (agreement_id, version) do nothing""")
                .param("agreement", agreementId).param("version", version).param("account", accountId)
                .param("from", terms.effectiveFrom()).param("to", terms.effectiveTo()).param("fees", encoded)
                .update();
        if (inserted == 1) {
            return;
        }
        boolean same = jdbc.sql("""
                        select account_id = :account and effective_from = :from and effective_to = :to
                               and fees = cast(:fees as jsonb)
                        from agreed_promotion_fees where agreement_id = :agreement and version = :version""")
                .param("agreement", agreementId).param("version", version).param("account", accountId)
                .param("from", terms.effectiveFrom()).param("to", terms.effectiveTo()).param("fees", encoded)
                .query(Boolean.class).single();
        if (!same) {
            throw refused(type, agreementId, version, "that version was recorded already with other days or "
                    + "promotion fees; a signed version never changes, an amendment is a new version");
        }
    }

    private static List<AgreedFee> promotionFees(String type, UUID agreementId, int version,
                                                 @Nullable List<AgreedTerm> terms) {
        List<AgreedFee> fees = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AgreedTerm term : terms == null ? List.<AgreedTerm>of() : terms) {
            if (term.kind() != TermKind.PROMOTION_FEE) {
                continue;
            }
            ValueShape shape = term.value() == null ? null : term.value().shape();
            if (shape == null || !TermKind.PROMOTION_FEE.allows(shape)) {
                problems.add("promotion fee " + term.termId() + " has the shape " + shape + ", which a promotion fee "
                        + "cannot take");
                continue;
            }
            BigDecimal percent = term.value().percent();
            BigDecimal amount = term.value().amount();
            if (shape == ValueShape.PERCENT_OF_SALES
                    ? percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    : amount == null || amount.signum() < 0) {
                problems.add("promotion fee " + term.termId() + " (" + shape + ") has no valid "
                        + (shape == ValueShape.PERCENT_OF_SALES ? "percent from 0 to 100" : "amount"));
                continue;
            }
            fees.add(new AgreedFee(term.termId(), term.buyerName(), shape,
                    shape == ValueShape.PERCENT_OF_SALES ? percent : null,
                    shape == ValueShape.PERCENT_OF_SALES ? null : amount));
        }
        if (!problems.isEmpty()) {
            throw refused(type, agreementId, version, String.join("; ", problems));
        }
        return fees;
    }

    private static UndecodableEventException refused(String type, UUID agreementId, int version, String why) {
        return new UndecodableEventException(type + " cannot record version " + version + " of agreement "
                + agreementId + ": " + why);
    }
}
