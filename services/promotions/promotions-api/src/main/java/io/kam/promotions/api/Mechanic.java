package io.kam.promotions.api;

/** How a promotion moves the shopper; a promotion may combine several. */
public enum Mechanic {
    /** A lower shelf price for a period. */
    PRICE_DISCOUNT,
    /** Buy several, pay less per unit (buy two get one, second at half price). */
    MULTIBUY,
    /** A gift with purchase (配赠). */
    GIFT_WITH_PURCHASE,
    /** A lottery or prize draw with purchase (有奖销售). */
    LOTTERY,
    /** A feature display: an end cap, a floor stack, a secondary placement. */
    FEATURE_DISPLAY,
    /** The retailer's DM or flyer. */
    DM_FLYER,
    /** Tasting or sampling in store. */
    SAMPLING,
    /** Promoters in store. */
    IN_STORE_PROMOTERS
}
