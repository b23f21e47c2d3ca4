package io.kam.negotiations.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationStatus;

/**
 * A negotiation of an account's year as it stands: its status, the latest preparation revision (null until one is
 * submitted) with everyone who wrote a revision of it, who approved it, how many rounds and gives it has, and the
 * agreement it ended in.
 */
record Negotiation(UUID id, UUID accountId, int year, NegotiationStatus status, @Nullable UUID previousAgreementId,
                   String openedBy, @Nullable PreparationSubmitted preparation, List<String> preparationAuthors,
                   @Nullable String approvedBy, int rounds, int gives, @Nullable UUID agreementId, Instant updatedAt,
                   long version) {

    Negotiation {
        preparationAuthors = List.copyOf(preparationAuthors);
    }

    static Negotiation opened(UUID id, UUID accountId, int year, @Nullable UUID previousAgreementId, String openedBy,
                              Instant now) {
        return new Negotiation(id, accountId, year, NegotiationStatus.OPENED, previousAgreementId, openedBy, null,
                List.of(), null, 0, 0, null, now, 0);
    }

    Negotiation with(NegotiationStatus status, Instant now) {
        return new Negotiation(id, accountId, year, status, previousAgreementId, openedBy, preparation,
                preparationAuthors, approvedBy, rounds, gives, agreementId, now, version);
    }

    Negotiation prepared(PreparationSubmitted revision, Instant now) {
        List<String> authors = preparationAuthors.contains(revision.author()) ? preparationAuthors
                : java.util.stream.Stream.concat(preparationAuthors.stream(), java.util.stream.Stream.of(revision.author()))
                .toList();
        return new Negotiation(id, accountId, year, NegotiationStatus.PREPARATION_SUBMITTED, previousAgreementId,
                openedBy, revision, authors, null, rounds, gives, agreementId, now, version);
    }

    Negotiation approved(String approver, Instant now) {
        return new Negotiation(id, accountId, year, NegotiationStatus.PREPARED, previousAgreementId, openedBy,
                preparation, preparationAuthors, approver, rounds, gives, agreementId, now, version);
    }

    Negotiation roundRecorded(Instant now) {
        return new Negotiation(id, accountId, year, NegotiationStatus.IN_ROUNDS, previousAgreementId, openedBy,
                preparation, preparationAuthors, approvedBy, rounds + 1, gives, agreementId, now, version);
    }

    Negotiation giveRecorded(Instant now) {
        return new Negotiation(id, accountId, year, status, previousAgreementId, openedBy, preparation,
                preparationAuthors, approvedBy, rounds, gives + 1, agreementId, now, version);
    }

    Negotiation signed(UUID agreement, Instant now) {
        return new Negotiation(id, accountId, year, NegotiationStatus.SIGNED, previousAgreementId, openedBy,
                preparation, preparationAuthors, approvedBy, rounds, gives, agreement, now, version);
    }

    /** The approved preparation; refuses (409) while there is none. */
    PreparationSubmitted approvedPreparation() {
        if (preparation == null || approvedBy == null) {
            throw new io.kam.platform.domain.Rejection.Conflict("preparation-not-approved", "negotiation " + id
                    + " is " + status + ": a second national KA manager approves the preparation before round one")
                    .refused();
        }
        return preparation;
    }
}
