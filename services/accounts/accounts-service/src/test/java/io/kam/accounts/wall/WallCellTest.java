package io.kam.accounts.wall;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.domain.Rejection;

/** A cell of the relationship wall: given its state, when assessed, then the event or the refusal. */
class WallCellTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-20T02:10:00Z");

    @Test
    void theFirstAssessmentHasNoPreviousStrength() {
        var first = WallCell.first(UUID.randomUUID(), Department.MARKETING, WallLevel.DIRECTOR,
                new WallCellDetails(3, LocalDate.of(2026, 6, 3), " met at the trade fair "), TODAY, "nora", NOW);

        assertThat(first.event().strength()).isEqualTo(3);
        assertThat(first.event().previousStrength()).isNull();
        assertThat(first.event().note()).isEqualTo("met at the trade fair");
        assertThat(first.event().changedBy()).isEqualTo("nora");
    }

    @Test
    void aReassessmentCarriesThePreviousStrength() {
        var cell = saved(3);

        var weaker = cell.reassess(new WallCellDetails(1, LocalDate.of(2026, 6, 3), "new director"), TODAY, "nora", NOW);

        assertThat(weaker.event().previousStrength()).isEqualTo(3);
        assertThat(weaker.cell().strength()).isEqualTo(1);
        assertThat(weaker.cell().version()).as("the repository bumps it").isEqualTo(cell.version());
    }

    @Test
    void repeatingWhatTheCellSaysChangesNothing() {
        var cell = saved(3);

        var same = cell.reassess(new WallCellDetails(3, cell.lastContact(), "met at the trade fair"), TODAY, "eve", NOW);

        assertThat(same.event()).isNull();
        assertThat(same.cell()).isSameAs(cell);
    }

    @Test
    void aLastContactCannotLieAheadOfTodayInTheMarket() {
        assertThat(rejectionOf(() -> saved(3).reassess(new WallCellDetails(3, TODAY.plusDays(1), null), TODAY, "nora", NOW)))
                .isInstanceOfSatisfying(Rejection.Invalid.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("lastContact"));
        assertThat(saved(3).reassess(new WallCellDetails(0, null, null), TODAY, "nora", NOW).event().lastContact())
                .as("never contacted").isNull();
    }

    private static WallCell saved(int strength) {
        var first = WallCell.first(UUID.randomUUID(), Department.MARKETING, WallLevel.DIRECTOR,
                new WallCellDetails(strength, LocalDate.of(2026, 6, 3), "met at the trade fair"), TODAY, "nora",
                NOW.minusSeconds(3600)).cell();
        return new WallCell(first.id(), first.accountId(), first.department(), first.level(), first.strength(),
                first.lastContact(), first.note(), first.changedBy(), first.changedAt(), 0L);
    }
}
