package io.kam.accounts.tradespend;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.negotiations.api.SalesBasisSource;

/**
 * Records an agreement version's trade spend, in the transaction that records its event as processed. A version is
 * signed once and never changes: the same version delivered again, or published again under a new event id, changes
 * nothing; the same version with other figures is refused (it would rewrite what was signed). Versions are kept
 * whatever their order of arrival; which one is in force is decided when read ({@link TradeSpendActuals}).
 */
@Service
class AgreedTradeSpend {

    private static final Logger log = LoggerFactory.getLogger(AgreedTradeSpend.class);

    private final JdbcClient jdbc;

    AgreedTradeSpend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(AgreedVersion agreed) {
        int inserted = jdbc.sql("""
                        insert into agreed_trade_spend (agreement_id, version, account_id, negotiation_id,
                            effective_from, effective_to, signed_on, trade_spend_percent, basis_source)
                        values (:agreement, :version, :account, :negotiation, :from, :to, :signedOn, :percent, :basis)
                        on conflict (agreement_id, version) do nothing""")
                .param("agreement", agreed.agreementId()).param("version", agreed.version())
                .param("account", agreed.accountId()).param("negotiation", agreed.negotiationId())
                .param("from", agreed.effectiveFrom()).param("to", agreed.effectiveTo())
                .param("signedOn", agreed.signedOn()).param("percent", agreed.tradeSpendPercent())
                .param("basis", agreed.basisSource().name())
                .update();
        if (inserted == 1) {
            log.info("Account {}: agreement {} version {} in force {} to {}, trade spend {} % on {}",
                    agreed.accountId(), agreed.agreementId(), agreed.version(), agreed.effectiveFrom(),
                    agreed.effectiveTo(), agreed.tradeSpendPercent(), agreed.basisSource());
            return;
        }
        AgreedVersion recorded = recorded(agreed).orElseThrow();
        if (!recorded.sameAs(agreed)) {
            throw new AgreementRefused(agreed.type(), agreed.agreementId(), agreed.version(),
                    "that version was recorded already with account " + recorded.accountId() + ", in force "
                            + recorded.effectiveFrom() + " to " + recorded.effectiveTo() + ", trade spend "
                            + recorded.tradeSpendPercent().toPlainString() + " % on " + recorded.basisSource()
                            + "; a signed version never changes, an amendment is a new version");
        }
    }

    private Optional<AgreedVersion> recorded(AgreedVersion agreed) {
        return jdbc.sql("""
                        select account_id, negotiation_id, effective_from, effective_to, signed_on, trade_spend_percent,
                               basis_source
                        from agreed_trade_spend where agreement_id = :agreement and version = :version""")
                .param("agreement", agreed.agreementId()).param("version", agreed.version())
                .query((rs, n) -> new AgreedVersion(agreed.type(), rs.getObject(1, java.util.UUID.class),
                        rs.getObject(2, java.util.UUID.class), agreed.agreementId(), agreed.version(),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class),
                        rs.getObject(5, java.time.LocalDate.class), rs.getBigDecimal(6),
                        SalesBasisSource.valueOf(rs.getString(7))))
                .optional();
    }
}
