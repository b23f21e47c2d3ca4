package io.kam.promotions.api;

/** How a fee is paid, and so how its amount turns into money. */
public enum FeeBasis {
    /** The amount, once. */
    FIXED,
    /** The amount for each store of the promotion. */
    PER_STORE,
    /** The amount for each promoted unit sold. */
    PER_UNIT_SOLD,
    /** A percentage (the amount, 0 to 100) of the promoted sales value, off the invoice. */
    OFF_INVOICE_PERCENT
}
