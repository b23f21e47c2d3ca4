package io.kam.accounts.prospect;

import java.util.UUID;

import io.kam.platform.events.UndecodableEventException;

/**
 * A conversion that can never open its account as it stands: retrying would change nothing, so the error handler
 * sends it straight to {@code kam.prospects.v1.dlt} with this message as the reason.
 */
final class ConversionRefused extends UndecodableEventException {

    ConversionRefused(UUID accountId, UUID prospectId, String why) {
        super("kam.prospect.converted cannot open account " + accountId + " for prospect " + prospectId + ": " + why);
    }
}
