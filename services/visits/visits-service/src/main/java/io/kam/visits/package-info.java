/**
 * The visits service: regional coordinators plan and log their store visits (拜访), store checks (终端检查) and
 * complaints (异议) here; national KA managers set the frequency standards (拜访频率的标准) and see how well they are
 * kept. Package by feature: {@code replica} (the store master from the accounts events), {@code promotion} (the
 * promotions per store from the promotions events), {@code schedule}, {@code visit}, {@code commitment},
 * {@code listing}, {@code storecheck}, {@code complaint}, {@code trip}, {@code compliance}, and {@code access} (who
 * may do what).
 */
@NullMarked
package io.kam.visits;

import org.jspecify.annotations.NullMarked;
