package io.kam.visits.visit;

import java.time.LocalDate;
import java.util.UUID;

import io.kam.visits.api.FollowUp;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A follow-up task a visit's log left, in the order the log listed it. */
@MappedEntity("follow_up")
record FollowUpRow(@Id UUID id, UUID visitId, int position, String task, String owner, LocalDate due) {

    FollowUp followUp() {
        return new FollowUp(task, owner, due);
    }
}
