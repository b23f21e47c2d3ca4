package io.kam.accounts.api;

/** The format of a retailer or of one of its stores. */
public enum RetailFormat {
    HYPERMARKET, SUPERMARKET, CONVENIENCE, WHOLESALE, DISTRIBUTOR
}
