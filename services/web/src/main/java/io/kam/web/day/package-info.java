/**
 * The coordinator's day, phone first: the visits of today and this week, one visit's preparation (三准备), its log
 * (三必谈, 三必到, commitments with the policy guard's answer), its store check with photos, and the complaints with
 * their promised dates; all as the visits service answers them.
 */
@NullMarked
package io.kam.web.day;

import org.jspecify.annotations.NullMarked;
