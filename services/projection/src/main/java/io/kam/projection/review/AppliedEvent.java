package io.kam.projection.review;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An event the review reflects; {@code seq} is the order in which events were applied. */
@MappedEntity("review_event")
record AppliedEvent(@Id @GeneratedValue @Nullable Long seq, UUID eventId, UUID accountId, String type, Instant occurredAt) {
}
