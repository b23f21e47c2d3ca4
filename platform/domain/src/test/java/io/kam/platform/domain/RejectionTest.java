package io.kam.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void anInvalidRequestCountsItsFieldsInItsDetail() {
        assertThat(new Rejection.Invalid("promisedDate", "is required").detail()).isEqualTo("1 field is invalid.");
        assertThat(new Rejection.Invalid(List.of(new FieldError("a", "x"), new FieldError("b", "y"))).detail())
                .isEqualTo("2 fields are invalid.");
    }

    @Test
    void factsCannotBeChangedAfterTheRejectionIsMade() {
        Map<String, Object> facts = new HashMap<>(Map.of("missing", 12));
        Rejection rejection = new Rejection.BrokenRule("phasing-mismatch", "the phasing misses its target", facts);
        facts.put("missing", 13);

        assertThat(rejection.facts()).containsExactly(Map.entry("missing", 12));
        assertThatThrownBy(() -> rejection.facts().put("other", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aThrownRejectionCarriesItAndItsDetail() {
        Rejection rejection = new Rejection.NotFound("Complaint", "c-1");

        Refused refused = rejection.refused();

        assertThat(refused.rejection()).isSameAs(rejection);
        assertThat(refused).hasMessage("Complaint c-1 does not exist");
        assertThat(refused.getStackTrace()).isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedAndAnyVersionIsNot() {
        assertThatCode(() -> ExpectedVersion.require(3, 3)).doesNotThrowAnyException();
        assertThatCode(() -> ExpectedVersion.require(ExpectedVersion.ANY, 7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExpectedVersion.require(3, 4)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.rejection()).isEqualTo(new Rejection.StaleVersion(3, 4)));
    }
}
