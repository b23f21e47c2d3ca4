/**
 * Visits (拜访): the aggregate, its preparation (三准备), its log (三必谈, 三必到, outcome, follow-ups), and the sweep
 * that marks visits missed when no log came in time.
 */
@NullMarked
package io.kam.visits.visit;

import org.jspecify.annotations.NullMarked;
