package io.kam.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kam.platform.domain.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong ETag ({@code "3"}) and comes back
 * in {@code If-Match}.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^\\s*\"(\\d{1,18})\"\\s*$");

    /** {@code If-Match: *}: the caller accepts whatever version is current. */
    public static final long ANY = ExpectedVersion.ANY;

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a caller expects, or {@link #ANY} for {@code If-Match: *}. {@code If-Match} compares strongly
     * (RFC 9110), so a weak tag is refused like a missing one.
     *
     * @throws ApiProblem.VersionRequired if the header is missing or not a version this service issued
     */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null) {
            throw new ApiProblem.VersionRequired();
        }
        if (ifMatch.strip().equals("*")) {
            return ANY;
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new ApiProblem.VersionRequired();
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Refuses the change unless the caller's version is the current one; see {@link ExpectedVersion#require}. */
    public static void require(long expected, long current) {
        ExpectedVersion.require(expected, current);
    }
}
