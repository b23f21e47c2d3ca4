package io.kam.accounts.wall;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.RelationshipWall;

/**
 * An account's relationship wall as the weak-wall rule ({@link RelationshipWall#findings}) reads it: for the
 * business plan and anything else that judges the wall.
 */
@Component
public class WallCells {

    private final WallCellRepository cells;

    WallCells(WallCellRepository cells) {
        this.cells = cells;
    }

    /** The assessed cells of the account, by department and level; cells never assessed are left out. */
    @Transactional(readOnly = true)
    public List<RelationshipWall.Cell> of(UUID accountId) {
        return cells.findByAccountId(accountId).stream().map(WallCell::rule)
                .sorted(Comparator.comparing(RelationshipWall.Cell::department)
                        .thenComparing(RelationshipWall.Cell::level))
                .toList();
    }
}
