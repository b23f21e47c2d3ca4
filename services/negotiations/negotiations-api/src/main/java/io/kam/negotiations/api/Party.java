package io.kam.negotiations.api;

/** A side of the table. */
public enum Party {
    /** The manufacturer: us. */
    SUPPLIER,
    /** The retail chain. */
    RETAILER
}
