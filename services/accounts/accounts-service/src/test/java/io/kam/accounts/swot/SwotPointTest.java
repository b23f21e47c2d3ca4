package io.kam.accounts.swot;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;

/** SWOT points: given the account's points, when a key point draws on some of them, then it is allowed or refused. */
class SwotPointTest {

    private static final UUID STRENGTH = UUID.randomUUID();
    private static final UUID WEAKNESS = UUID.randomUUID();
    private static final UUID KEY_POINT = UUID.randomUUID();
    private static final Map<UUID, SwotKind> POINTS = Map.of(STRENGTH, SwotKind.STRENGTH, WEAKNESS, SwotKind.WEAKNESS,
            KEY_POINT, SwotKind.KEY_POINT);

    @Test
    void aKeyPointDrawsOnTheAccountsStrengthsWeaknessesOpportunitiesAndThreats() {
        assertThatCode(() -> SwotPoint.requireValidBasis(SwotKind.KEY_POINT, List.of(STRENGTH, WEAKNESS), null, POINTS))
                .doesNotThrowAnyException();
        assertThatCode(() -> SwotPoint.requireValidBasis(SwotKind.KEY_POINT, List.of(), null, POINTS))
                .as("a key point may stand on the analysis as a whole").doesNotThrowAnyException();
    }

    @Test
    void onlyAKeyPointDrawsOnOtherPoints() {
        assertThat(errors(SwotKind.OPPORTUNITY, List.of(STRENGTH), null))
                .containsExactly(new FieldError("basedOn", "must be empty: only a KEY_POINT draws on other points"));
    }

    @Test
    void everyBasisMustBeANonKeyPointOfTheSameAccountListedOnce() {
        UUID elsewhere = UUID.randomUUID();

        var errors = errors(SwotKind.KEY_POINT, List.of(STRENGTH, elsewhere, KEY_POINT, STRENGTH), null);

        assertThat(errors).extracting(FieldError::field).containsExactly("basedOn[1]", "basedOn[2]", "basedOn[3]");
        assertThat(errors.get(0).message()).contains("not a SWOT point of this account");
        assertThat(errors.get(1).message()).contains("is a key point");
        assertThat(errors.get(2).message()).contains("a second time");
    }

    @Test
    void aPointBecomingAKeyPointCannotDrawOnItself() {
        assertThat(errors(SwotKind.KEY_POINT, List.of(WEAKNESS), WEAKNESS))
                .containsExactly(new FieldError("basedOn[0]", "is this key point itself"));
    }

    @Test
    void aPointThatKeyPointsDrawOnCannotBeRemoved() {
        SwotPoint weakness = SwotPoint.add(UUID.randomUUID(), new SwotPointDetails(SwotKind.WEAKNESS,
                "Too little chiller space", null, null), Instant.now());

        assertThat(rejectionOf(() -> weakness.requireNotInUse(List.of(KEY_POINT), "remove")))
                .isInstanceOfSatisfying(Rejection.Conflict.class, e -> assertThat(e.code()).isEqualTo("swot-point-in-use"));
        assertThatCode(() -> weakness.requireNotInUse(List.of(), "remove")).doesNotThrowAnyException();
    }

    @Test
    void textAndNoteAreTrimmedAndABlankNoteIsNone() {
        var point = SwotPoint.add(UUID.randomUUID(), new SwotPointDetails(SwotKind.THREAT, "  Competitor relaunch ",
                "  ", null), Instant.now());

        assertThat(point.text()).isEqualTo("Competitor relaunch");
        assertThat(point.note()).isNull();
        assertThat(point.added(List.of()).basedOn()).isEmpty();
    }

    private static List<FieldError> errors(SwotKind kind, List<UUID> basedOn, UUID self) {
        try {
            SwotPoint.requireValidBasis(kind, basedOn, self, POINTS);
            return List.of();
        } catch (Refused refused) {
            return ((Rejection.Invalid) refused.rejection()).errors();
        }
    }
}
