package io.kam.projection.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.WallLevel;
import io.kam.projection.review.RelationshipViews.Cell;
import io.kam.projection.review.RelationshipViews.Finding;
import io.kam.projection.review.RelationshipViews.Wall;

/**
 * Reads the relationship wall and raises the shared weak-wall findings ({@link RelationshipWall#findings}) for the
 * departments the shown plan depends on, allowing {@code kam.projection.wall.max-days-without-contact} days without
 * contact.
 */
@Component
class WallReader {

    static final String MAX_DAYS = "kam.projection.wall.max-days-without-contact";

    private final JdbcClient jdbc;
    private final int maxDaysWithoutContact;

    WallReader(JdbcClient jdbc, @Value("${" + MAX_DAYS + "}") int maxDaysWithoutContact) {
        if (maxDaysWithoutContact < 0) {
            throw new IllegalArgumentException(MAX_DAYS + " must not be negative, was " + maxDaysWithoutContact);
        }
        this.jdbc = jdbc;
        this.maxDaysWithoutContact = maxDaysWithoutContact;
    }

    /** @param dependsOn the departments the shown plan depends on; empty without a plan, and then no findings */
    Wall of(UUID accountId, Collection<Department> dependsOn, LocalDate today) {
        List<Cell> cells = jdbc.sql("""
                        select department, level, strength, last_contact from review_wall_cell where account_id = ?""")
                .param(accountId)
                .query((rs, row) -> new Cell(Department.valueOf(rs.getString("department")),
                        WallLevel.valueOf(rs.getString("level")), rs.getInt("strength"),
                        rs.getObject("last_contact", LocalDate.class)))
                .list().stream().sorted(Comparator.comparing(Cell::department).thenComparing(Cell::level)).toList();
        List<RelationshipWall.Cell> wall = cells.stream()
                .map(c -> new RelationshipWall.Cell(c.department(), c.level(), c.strength(), c.lastContact())).toList();
        return new Wall(cells, RelationshipWall.findings(wall, dependsOn, today, maxDaysWithoutContact).stream()
                .map(Finding::of).toList());
    }
}
