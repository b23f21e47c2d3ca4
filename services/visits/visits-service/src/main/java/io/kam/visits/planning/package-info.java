/**
 * Planning: the visit frequency standards (拜访频率的标准), the regions' coordinators, the schedule they generate for
 * every store of the replica, kept in step with the accounts events, and visits planned outside it.
 */
@NullMarked
package io.kam.visits.planning;

import org.jspecify.annotations.NullMarked;
