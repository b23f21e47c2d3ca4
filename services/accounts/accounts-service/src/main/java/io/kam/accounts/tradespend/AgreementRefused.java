package io.kam.accounts.tradespend;

import java.util.UUID;

import io.kam.platform.events.UndecodableEventException;

/**
 * An agreement version that can never be recorded as it stands: retrying would change nothing, so the error handler
 * sends it straight to {@code kam.negotiations.v1.dlt} with this message as the reason.
 */
final class AgreementRefused extends UndecodableEventException {

    AgreementRefused(String type, UUID agreementId, int version, String why) {
        super(type + " cannot record version " + version + " of agreement " + agreementId + ": " + why);
    }
}
