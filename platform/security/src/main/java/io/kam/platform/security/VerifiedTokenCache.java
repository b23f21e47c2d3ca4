package io.kam.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A {@link JwtDecoder} that verifies each token once: the decoded {@link Jwt} a delegate accepted (signature,
 * issuer, audience, lifetime all checked) is kept under the SHA-256 of the token's text until the token expires or
 * {@code maxAge} has passed since it was verified, whichever comes first; at most {@code maxSize} tokens are kept.
 * A token the delegate refuses is never kept, so a forged, tampered or foreign token is checked, and refused, on
 * every request. A kept token past its deadline is decoded again, so the delegate's own rules (its clock skew
 * included) decide about an expired token exactly as without the cache. The price: a token whose signing key is
 * withdrawn from the realm's key set stays accepted for at most {@code maxAge} after it was first verified (and
 * never beyond its own expiry); see ADR 0019.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final Cache<String, Verified> verified;

    VerifiedTokenCache(JwtDecoder delegate, Clock clock, Duration maxAge, long maxSize) {
        if (maxAge.isNegative() || maxAge.isZero() || maxSize < 1) {
            throw new IllegalArgumentException("the verified-token cache needs a positive max-age and max-size");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilDeadline(clock)).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Verified kept = verified.getIfPresent(key);
        Instant now = clock.instant();
        if (kept != null && now.isBefore(kept.deadline())) {
            return kept.jwt();
        }
        Jwt jwt = delegate.decode(token);
        Instant deadline = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(deadline)) {
            deadline = jwt.getExpiresAt();
        }
        if (now.isBefore(deadline)) {
            verified.put(key, new Verified(jwt, deadline));
        } else {
            verified.invalidate(key);
        }
        return jwt;
    }

    /** How many verified tokens are kept now (for tests and diagnostics). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Verified(Jwt jwt, Instant deadline) {
    }

    /** Lets Caffeine drop an entry at its deadline, so expired tokens do not occupy the cache until evicted. */
    private record UntilDeadline(Clock clock) implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), value.deadline()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
