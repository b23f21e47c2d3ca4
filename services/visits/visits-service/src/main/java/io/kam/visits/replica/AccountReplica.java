package io.kam.visits.replica;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ValueTier;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An account as the accounts service announced it: its name and value tier (null until classified). An account is
 * known by its id from its first event on, even if that is not its opening.
 */
@MappedEntity("account_replica")
public record AccountReplica(@Id UUID accountId, @Nullable String name, @Nullable ValueTier tier) {
}
