package io.kam.projection.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a file is for: our own people (what its reader sees of the review), or the retailer (the review as
 * {@code Review.forRetailer} keeps it: nothing of how we classify and judge the account or what we spend on it).
 */
enum Audience {
    INTERNAL,
    RETAILER;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Audience> of(String tag) {
        return Arrays.stream(values()).filter(a -> a.tag().equalsIgnoreCase(tag)).findFirst();
    }
}
