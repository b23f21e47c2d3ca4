package io.kam.prospects.prospect;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.prospects.account.AccountOpenings;

/** A converted prospect learns that its account is open: once, at the time the accounts service opened it. */
@Component
class ConvertedProspects implements AccountOpenings {

    private final ProspectRepository prospects;

    ConvertedProspects(ProspectRepository prospects) {
        this.prospects = prospects;
    }

    @Override
    public void opened(UUID accountId, Instant at) {
        prospects.findByAccountId(accountId)
                .filter(p -> p.accountOpenedAt() == null)
                .ifPresent(p -> prospects.update(p.accountOpened(at)));
    }
}
