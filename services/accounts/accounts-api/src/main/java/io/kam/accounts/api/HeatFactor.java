package io.kam.accounts.api;

/** The five factors of purchase heat (购买热度), each rated from 0 to {@link #MAX_RATING}. */
public enum HeatFactor {
    /** How much of our range the account uses. */
    PRODUCT_USE,
    /** How its dealings with us go: orders, payments, responsiveness. */
    DEALINGS,
    /** Whether its people come to our events. */
    EVENT_ATTENDANCE,
    /** Its regard for our brand. */
    BRAND_REGARD,
    /** Its view of our representative. */
    REPRESENTATIVE_VIEW;

    public static final int MAX_RATING = 20;
}
