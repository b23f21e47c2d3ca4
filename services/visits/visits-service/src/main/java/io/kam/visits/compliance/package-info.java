/**
 * Coverage and compliance against the visit frequency standards, per coordinator, store and account; and each
 * promotion's in-store compliance from its stores' latest checks.
 */
@NullMarked
package io.kam.visits.compliance;

import org.jspecify.annotations.NullMarked;
