package io.kam.visits.api;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Why a commitment with an amount waits for a national KA manager: it {@code asked} more than the most generous limit
 * in force for it ({@code kind}, {@code limit}, from {@code source}), or no limit was in force at all ({@code kind},
 * {@code limit} and {@code source} null: no agreement on the visit's day, or none of its terms limits the type).
 * {@code reason} says which, in words.
 */
public record LimitExceeded(@Nullable LimitKind kind, @Nullable BigDecimal limit, LimitUnit unit, BigDecimal asked,
                            @Nullable LimitSource source, String reason) {
}
