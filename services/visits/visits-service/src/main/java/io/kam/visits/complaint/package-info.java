/** Complaints and objections (嫌货人才是买货人): logged, examined from the customer's side, resolved or closed. */
@NullMarked
package io.kam.visits.complaint;

import org.jspecify.annotations.NullMarked;
