package io.kam.accounts.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weak-wall rule of the relationship wall (围墙准则). For every department the account's plan depends on, the
 * department's strength is its best tie over the levels (0 where nothing is assessed) and its last contact the most
 * recent over the levels. A finding is raised when that strength is {@link #WEAK_STRENGTH} or lower, and when the
 * last contact is older than the allowed number of days (or there was none). Shared by the accounts service and the
 * projection, so that both raise the same findings.
 */
public final class RelationshipWall {

    /** A department at this strength or lower is a weak wall. */
    public static final int WEAK_STRENGTH = 1;
    /** The strongest tie. */
    public static final int MAX_STRENGTH = 5;

    private RelationshipWall() {
    }

    /** One cell of the wall: a department at a level. */
    public record Cell(Department department, WallLevel level, int strength, LocalDate lastContact) {
    }

    public enum Reason {
        /** The department's best tie is at strength 1 or lower. */
        WEAK_TIES,
        /** Nobody in the department was contacted within the allowed number of days. */
        NO_RECENT_CONTACT
    }

    /**
     * A weak spot in the wall.
     *
     * @param daysSinceContact null when there never was a contact
     */
    public record Finding(Department department, Reason reason, int strength, LocalDate lastContact,
                          Long daysSinceContact) {
    }

    /** The findings for the departments the plan depends on, in department order, weak ties before silence. */
    public static List<Finding> findings(Collection<Cell> cells, Collection<Department> dependsOn, LocalDate today,
                                         int maxDaysWithoutContact) {
        List<Finding> findings = new ArrayList<>();
        dependsOn.stream().distinct().sorted().forEach(department -> {
            List<Cell> ofDepartment = cells.stream().filter(c -> c.department() == department).toList();
            int strength = ofDepartment.stream().mapToInt(Cell::strength).max().orElse(0);
            Optional<LocalDate> last = ofDepartment.stream().map(Cell::lastContact).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder());
            Long days = last.map(date -> ChronoUnit.DAYS.between(date, today)).orElse(null);
            if (strength <= WEAK_STRENGTH) {
                findings.add(new Finding(department, Reason.WEAK_TIES, strength, last.orElse(null), days));
            }
            if (days == null || days > maxDaysWithoutContact) {
                findings.add(new Finding(department, Reason.NO_RECENT_CONTACT, strength, last.orElse(null), days));
            }
        });
        return findings;
    }
}
