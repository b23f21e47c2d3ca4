/** Coverage and compliance against the visit frequency standards, per coordinator, store and account. */
@NullMarked
package io.kam.visits.compliance;

import org.jspecify.annotations.NullMarked;
