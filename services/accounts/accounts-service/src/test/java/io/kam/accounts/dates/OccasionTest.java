package io.kam.accounts.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;

/** Important dates: given the details, the contact found and today, the date recorded or the fields refused. */
class OccasionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final UUID LI_WEI = UUID.randomUUID();

    @Test
    void aBirthdayBelongsToAContactAndIsTitledAfterThem() {
        var occasion = Occasion.of(new ImportantDateDetails(ImportantDateType.BIRTHDAY, LocalDate.of(1981, 12, 9),
                LI_WEI, null, " Likes green tea "), "Li Wei", "Yangtze Hypermarket Group", TODAY);

        assertThat(occasion).isEqualTo(new Occasion(ImportantDateType.BIRTHDAY, LocalDate.of(1981, 12, 9), LI_WEI,
                "Li Wei's birthday", "Likes green tea"));
    }

    @Test
    void anniversariesAreTitledAfterTheAccountUnlessTitled() {
        assertThat(Occasion.of(new ImportantDateDetails(ImportantDateType.COOPERATION_ANNIVERSARY,
                LocalDate.of(2012, 4, 18), null, " ", null), null, "Yangtze Hyper", TODAY).title())
                .isEqualTo("Cooperation anniversary with Yangtze Hyper");
        assertThat(Occasion.of(new ImportantDateDetails(ImportantDateType.COMPANY_ANNIVERSARY,
                LocalDate.of(1995, 6, 1), null, "Founded in Shanghai", null), null, "Yangtze Hyper", TODAY).title())
                .isEqualTo("Founded in Shanghai");
    }

    @Test
    void aBirthdayNeedsAContactOfThisAccount() {
        assertThat(errors(ImportantDateType.BIRTHDAY, TODAY, null, null))
                .containsExactly(new FieldError("contactId", "is required for a BIRTHDAY"));
        assertThat(errors(ImportantDateType.BIRTHDAY, TODAY, LI_WEI, null)).extracting(FieldError::field)
                .as("a contact of another account is not found").containsExactly("contactId");
    }

    @Test
    void anAnniversaryNamesNoContactAndNoDateLiesAhead() {
        assertThat(errors(ImportantDateType.COMPANY_ANNIVERSARY, TODAY.plusDays(1), LI_WEI, "Li Wei"))
                .extracting(FieldError::field).containsExactly("date", "contactId");
        assertThat(errors(ImportantDateType.COMPANY_ANNIVERSARY, TODAY, null, null)).isEmpty();
    }

    private static List<FieldError> errors(ImportantDateType type, LocalDate date, UUID contactId,
                                                     String contactName) {
        try {
            Occasion.of(new ImportantDateDetails(type, date, contactId, null, null), contactName, "Acme", TODAY);
            return List.of();
        } catch (Refused refused) {
            return ((Rejection.Invalid) refused.rejection()).errors();
        }
    }
}
