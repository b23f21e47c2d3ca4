package io.kam.negotiations.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.negotiations.api.NegotiationRequests.RebateTierInput;
import io.kam.negotiations.api.NegotiationRequests.TermValueInput;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.domain.FieldError;

class TermValuesTest {

    @Test
    void givenAPaymentTermAsAPercent_whenRead_thenTheShapeIsRefusedNamingTheShapesTheKindAllows() {
        List<FieldError> errors = new ArrayList<>();
        var value = TermValues.read(TermKind.PAYMENT_TERMS,
                new TermValueInput(ValueShape.PERCENT_OF_SALES, new BigDecimal("2.00"), null, null, null),
                "terms[0].opening", errors);
        assertThat(value).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("terms[0].opening.shape");
        assertThat(errors.getFirst().message()).contains("DAYS");
    }

    @Test
    void givenAFixedAmountWithAPercentAndNoAmount_whenRead_thenBothFieldsAreNamed() {
        List<FieldError> errors = new ArrayList<>();
        TermValues.read(TermKind.ANNIVERSARY_FEE,
                new TermValueInput(ValueShape.FIXED_AMOUNT, new BigDecimal("2.00"), null, null, null), "v", errors);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("v.percent", "v.amount");
    }

    @Test
    void givenTiersThatDoNotRise_whenRead_thenTheSecondTierIsRefused() {
        List<FieldError> errors = new ArrayList<>();
        TermValues.read(TermKind.GROWTH_REBATE, new TermValueInput(ValueShape.TIERED, null, null, null, List.of(
                new RebateTierInput(new BigDecimal("50000000"), new BigDecimal("2.00")),
                new RebateTierInput(new BigDecimal("45000000"), new BigDecimal("1.00")))), "v", errors);
        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("v.tiers[1].salesFrom", "v.tiers[1].percent");
    }

    @Test
    void givenAPercentWithOnePlace_whenRead_thenItIsKeptWithTwo() {
        List<FieldError> errors = new ArrayList<>();
        var value = TermValues.read(TermKind.ON_INVOICE_DISCOUNT,
                new TermValueInput(ValueShape.PERCENT_OF_SALES, new BigDecimal("2.5"), null, null, null), "v", errors);
        assertThat(errors).isEmpty();
        assertThat(value.percent()).hasToString("2.50");
    }
}
