package io.kam.platform.consumer;

import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One applied sample event, written through Micronaut Data as the services' handlers write theirs. */
@MappedEntity("applied")
record Applied(@Id UUID eventId, UUID accountId, Integer n) {
}
