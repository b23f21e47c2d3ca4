package io.kam.accounts.prospect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.Account;
import io.kam.accounts.account.AccountRepository;
import io.kam.accounts.account.ClassifyAccount;
import io.kam.accounts.account.OpenAccount;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;

/**
 * Opens the account a prospect was converted into, through the same use cases as the API: {@code kam.account.opened}
 * then {@code kam.account.classified} go to the outbox in the transaction that records the event as processed. The
 * account keeps the id the prospect was given when identified, so a conversion delivered again, or published again
 * under a new event id, finds its account open and does nothing.
 */
@Service
class OpenConvertedProspect {

    private static final Logger log = LoggerFactory.getLogger(OpenConvertedProspect.class);

    private final AccountRepository accounts;
    private final OpenAccount openAccount;
    private final ClassifyAccount classifyAccount;

    OpenConvertedProspect(AccountRepository accounts, OpenAccount openAccount, ClassifyAccount classifyAccount) {
        this.accounts = accounts;
        this.openAccount = openAccount;
        this.classifyAccount = classifyAccount;
    }

    /**
     * @throws ConversionRefused when the conversion lacks what an account needs, or when both the company's name and
     *                           the name with its city are taken by other accounts
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(ProspectConverted event) {
        if (accounts.existsById(event.accountId())) {
            log.info("Account {} of converted prospect {} is open already", event.accountId(), event.prospectId());
            return;
        }
        Conversion conversion = Conversion.of(event);
        String name = conversion.names().stream()
                .filter(candidate -> !accounts.nameTaken(candidate, conversion.accountId()))
                .findFirst()
                .orElseThrow(() -> new ConversionRefused(conversion.accountId(), conversion.prospectId(),
                        "other accounts are named " + String.join(" and ", conversion.names())
                                + "; rename one of them or merge the prospect into it, then publish the conversion again"));
        Account opened = openAccount.open(conversion.accountId(), conversion.named(name), conversion.actor());
        if (conversion.classification() != null) {
            classifyAccount.classify(opened.id(), opened.version(), conversion.classification(), conversion.actor());
        }
        log.info("Opened account {} ({}) from prospect {} converted by {}", opened.id(), name, conversion.prospectId(),
                conversion.actor().name());
    }
}
