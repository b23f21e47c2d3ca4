package io.kam.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong ETag ({@code "3"}) and comes back
 * in {@code If-Match}.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a caller expects.
     *
     * @throws ApiProblem.VersionRequired if the header is missing or not a version this service issued
     */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null) {
            throw new ApiProblem.VersionRequired();
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new ApiProblem.VersionRequired();
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Refuses the change unless the caller's version is the current one. */
    public static void require(long expected, long current) {
        if (expected != current) {
            throw new ApiProblem.StaleVersion(expected, current);
        }
    }
}
