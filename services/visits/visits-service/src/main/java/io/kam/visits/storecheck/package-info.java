/**
 * Store checks (终端检查: 硬终端 and 软终端): shelf presence, shelf price against the agreed retail price, facings and
 * out-of-stocks per listed SKU; display, POS material and promoters; competitors; photos as evidence; the
 * execution-compliance score ({@link io.kam.visits.storecheck.ComplianceScore}); and the execution of each promotion
 * running in the store (促销执行), with a photo added for it as its evidence.
 */
@NullMarked
package io.kam.visits.storecheck;

import org.jspecify.annotations.NullMarked;
