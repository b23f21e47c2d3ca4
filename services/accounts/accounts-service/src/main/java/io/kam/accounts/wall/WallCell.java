package io.kam.accounts.wall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipEvents.WallChanged;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.domain.Rejection;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * One cell of an account's relationship wall (围墙准则): how strong our tie with a department is at one level
 * (0 none, 5 strongest), and when we last met someone there (null: never).
 */
@MappedEntity("wall_cell")
public record WallCell(@Id UUID id, UUID accountId, Department department, WallLevel level, int strength,
                       @Nullable LocalDate lastContact, @Nullable String note, String changedBy, Instant changedAt,
                       @Nullable @Version Long version) {

    /** A decision: the cell as it will be saved, and the event; no event when nothing changes. */
    record Assessed(WallCell cell, @Nullable WallChanged event) {
    }

    /** Assesses a cell for the first time. {@code today} is the market's: a last contact cannot lie ahead of it. */
    static Assessed first(UUID accountId, Department department, WallLevel level, WallCellDetails details,
                          LocalDate today, String actor, Instant now) {
        requireNotAhead(details.lastContact(), today);
        WallCell cell = new WallCell(UUID.randomUUID(), accountId, department, level, details.strength(),
                details.lastContact(), blankToNull(details.note()), actor, now, null);
        return new Assessed(cell, cell.changed(null));
    }

    /** Assesses the cell again; repeating what it already says changes nothing and tells nobody. */
    Assessed reassess(WallCellDetails details, LocalDate today, String actor, Instant now) {
        requireNotAhead(details.lastContact(), today);
        String newNote = blankToNull(details.note());
        if (strength == details.strength() && Objects.equals(lastContact, details.lastContact())
                && Objects.equals(note, newNote)) {
            return new Assessed(this, null);
        }
        WallCell cell = new WallCell(id, accountId, department, level, details.strength(), details.lastContact(),
                newNote, actor, now, version);
        return new Assessed(cell, cell.changed(strength));
    }

    /** The cell as the weak-wall rule reads it. */
    RelationshipWall.Cell rule() {
        return new RelationshipWall.Cell(department, level, strength, lastContact);
    }

    private WallChanged changed(@Nullable Integer previousStrength) {
        return new WallChanged(accountId, department, level, strength, lastContact, note, previousStrength,
                changedBy, changedAt);
    }

    private static void requireNotAhead(@Nullable LocalDate lastContact, LocalDate today) {
        if (lastContact != null && lastContact.isAfter(today)) {
            throw new Rejection.Invalid("lastContact",
                    "must not be after today (" + today + ") in the market's time zone").refused();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
