package io.kam.accounts.tradespend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.SalesBasisSource;

/**
 * What the accounts keep of one signed agreement version: its trade spend % (0 to 100, two places), the source of the
 * sales basis it is computed on, and the days it is in force. Built from the event, or refused with every reason it
 * can never be recorded.
 */
record AgreedVersion(String type, UUID accountId, UUID negotiationId, UUID agreementId, int version,
                     LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate signedOn, BigDecimal tradeSpendPercent,
                     SalesBasisSource basisSource) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static AgreedVersion of(AgreementSigned signed) {
        List<String> problems = new ArrayList<>();
        if (signed.version() != 1) {
            problems.add("a signed agreement is version 1, not " + signed.version());
        }
        return of("kam.agreement.signed", signed.accountId(), signed.negotiationId(), signed.agreementId(),
                signed.version(), signed.agreement(), problems);
    }

    static AgreedVersion of(AgreementAmended amended) {
        List<String> problems = new ArrayList<>();
        if (amended.version() < 2 || amended.version() != amended.previousVersion() + 1) {
            problems.add("an amendment is the version after its previous one (" + amended.previousVersion()
                    + " + 1), not " + amended.version());
        }
        return of("kam.agreement.amended", amended.accountId(), amended.negotiationId(), amended.agreementId(),
                amended.version(), amended.agreement(), problems);
    }

    private static AgreedVersion of(String type, UUID accountId, UUID negotiationId, UUID agreementId, int version,
                                    @Nullable AgreementTerms terms, List<String> problems) {
        if (terms == null) {
            throw new AgreementRefused(type, agreementId, version, "it carries no agreement");
        }
        BigDecimal percent = terms.tradeSpendPercent();
        if (percent == null) {
            problems.add("it states no tradeSpendPercent");
        } else if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            problems.add("tradeSpendPercent " + percent.toPlainString() + " is not a percentage from 0 to 100");
        } else if (percent.stripTrailingZeros().scale() > 2) {
            problems.add("tradeSpendPercent " + percent.toPlainString() + " has more than two decimal places");
        }
        if (terms.basis() == null || terms.basis().source() == null) {
            problems.add("it states no sales basis source, and a trade spend % is never shown without it");
        }
        if (terms.effectiveFrom() == null || terms.effectiveTo() == null || terms.signedOn() == null) {
            problems.add("it lacks effectiveFrom, effectiveTo or signedOn");
        } else if (terms.effectiveTo().isBefore(terms.effectiveFrom())) {
            problems.add("it ends (" + terms.effectiveTo() + ") before it begins (" + terms.effectiveFrom() + ")");
        }
        if (!problems.isEmpty()) {
            throw new AgreementRefused(type, agreementId, version, String.join("; ", problems));
        }
        return new AgreedVersion(type, accountId, negotiationId, agreementId, version, terms.effectiveFrom(),
                terms.effectiveTo(), terms.signedOn(), percent.setScale(2), terms.basis().source());
    }

    /** Whether a version recorded before says the same: the same version signed once, delivered again. */
    boolean sameAs(AgreedVersion other) {
        return accountId.equals(other.accountId) && effectiveFrom.equals(other.effectiveFrom)
                && effectiveTo.equals(other.effectiveTo) && tradeSpendPercent.compareTo(other.tradeSpendPercent) == 0
                && basisSource == other.basisSource;
    }
}
