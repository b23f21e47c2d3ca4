/** Who may do what: roles and the coordinator's region, turned into 403 and 404 problem details. */
@NullMarked
package io.kam.visits.access;

import org.jspecify.annotations.NullMarked;
