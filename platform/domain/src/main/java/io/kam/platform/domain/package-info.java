/**
 * What the domain says when it refuses a request, without knowing how the refusal travels: a sealed
 * {@link io.kam.platform.domain.Rejection} that aggregates and use cases return or throw (as
 * {@link io.kam.platform.domain.Refused}), and the optimistic-version check of {@link io.kam.platform.domain.ExpectedVersion}.
 * No HTTP and no framework here; kam-web maps each kind of rejection to one RFC 9457 problem detail.
 */
@NullMarked
package io.kam.platform.domain;

import org.jspecify.annotations.NullMarked;
