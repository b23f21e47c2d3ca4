package io.kam.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.RelationshipWall.Cell;
import io.kam.accounts.api.RelationshipWall.Finding;
import io.kam.accounts.api.RelationshipWall.Reason;

/** The weak-wall rule: given the wall's cells, the departments the plan depends on and today, the findings. */
class RelationshipWallTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final int MAX_DAYS = 90;

    @Test
    void aDepartmentWhoseBestTieIsOneOrLessIsWeak() {
        var cells = List.of(new Cell(Department.MARKETING, WallLevel.BUYER, 1, TODAY.minusDays(3)),
                new Cell(Department.MARKETING, WallLevel.DIRECTOR, 0, TODAY.minusDays(40)));

        var findings = RelationshipWall.findings(cells, List.of(Department.MARKETING), TODAY, MAX_DAYS);

        assertThat(findings).containsExactly(
                new Finding(Department.MARKETING, Reason.WEAK_TIES, 1, TODAY.minusDays(3), 3L));
    }

    @Test
    void oneStrongTieAtAnyLevelHoldsTheWall() {
        var cells = List.of(new Cell(Department.PURCHASING, WallLevel.BUYER, 0, TODAY.minusDays(10)),
                new Cell(Department.PURCHASING, WallLevel.MANAGER, 2, TODAY.minusDays(20)));

        assertThat(RelationshipWall.findings(cells, List.of(Department.PURCHASING), TODAY, MAX_DAYS)).isEmpty();
    }

    @Test
    void noContactBeyondTheAllowedDaysIsRaisedWithTheMostRecentContact() {
        var cells = List.of(new Cell(Department.LOGISTICS, WallLevel.BUYER, 4, TODAY.minusDays(120)),
                new Cell(Department.LOGISTICS, WallLevel.MANAGER, 3, TODAY.minusDays(91)));

        var findings = RelationshipWall.findings(cells, List.of(Department.LOGISTICS), TODAY, MAX_DAYS);

        assertThat(findings).containsExactly(
                new Finding(Department.LOGISTICS, Reason.NO_RECENT_CONTACT, 4, TODAY.minusDays(91), 91L));
        assertThat(RelationshipWall.findings(List.of(new Cell(Department.LOGISTICS, WallLevel.BUYER, 4,
                TODAY.minusDays(MAX_DAYS))), List.of(Department.LOGISTICS), TODAY, MAX_DAYS))
                .as("exactly the allowed days is still recent").isEmpty();
    }

    @Test
    void aDepartmentNeverContactedOrNeverAssessedIsWeakAndSilent() {
        var neverMet = List.of(new Cell(Department.FINANCE, WallLevel.DIRECTOR, 0, null));

        assertThat(RelationshipWall.findings(neverMet, List.of(Department.FINANCE), TODAY, MAX_DAYS)).containsExactly(
                new Finding(Department.FINANCE, Reason.WEAK_TIES, 0, null, null),
                new Finding(Department.FINANCE, Reason.NO_RECENT_CONTACT, 0, null, null));
        assertThat(RelationshipWall.findings(List.of(), List.of(Department.EXPANSION), TODAY, MAX_DAYS))
                .extracting(Finding::reason).containsExactly(Reason.WEAK_TIES, Reason.NO_RECENT_CONTACT);
    }

    @Test
    void onlyTheDepartmentsThePlanDependsOnAreJudgedInDepartmentOrder() {
        var cells = List.of(new Cell(Department.FINANCE, WallLevel.BUYER, 0, null),
                new Cell(Department.PURCHASING, WallLevel.BUYER, 5, TODAY.minusDays(1)));

        var findings = RelationshipWall.findings(cells,
                List.of(Department.STORE_OPERATIONS, Department.PURCHASING, Department.MARKETING, Department.MARKETING),
                TODAY, MAX_DAYS);

        assertThat(findings).extracting(Finding::department).as("FINANCE is weak but the plan does not depend on it")
                .containsExactly(Department.MARKETING, Department.MARKETING, Department.STORE_OPERATIONS,
                        Department.STORE_OPERATIONS);
    }
}
