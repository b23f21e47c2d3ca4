package io.kam.projection.review;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One contact of an account, counted by department and level for the relationship wall. */
@MappedEntity("review_contact")
record ContactRow(@Id UUID contactId, UUID accountId, Department department, @Nullable ContactLevel level) {
}
