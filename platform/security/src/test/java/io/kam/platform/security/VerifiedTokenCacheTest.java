package io.kam.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.kam.platform.testing.TestTokens;

/**
 * The verified-token cache in front of a real Nimbus decoder (RSA signatures, issuer, audience, lifetime with the
 * usual minute of clock skew), with a clock the test moves: what the cache keeps never outlives the token's expiry
 * or its maximum age, and what the decoder refuses is never kept.
 */
class VerifiedTokenCacheTest {

    private static final Set<String> MANAGER = Set.of("national-ka-manager");

    private final MovableClock clock = new MovableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceAndAnswersTheSameClaimsAfterwards() {
        VerifiedTokenCache cache = cacheOver(decoderTrusting(testKey()), Duration.ofMinutes(10));
        String token = TestTokens.nora();

        var first = cache.decode(token);
        var again = cache.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getClaimAsString("preferred_username")).isEqualTo("nora");
        assertThat(again.getTokenValue()).isEqualTo(first.getTokenValue());
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasKept() {
        VerifiedTokenCache cache = cacheOver(decoderTrusting(testKey()), Duration.ofMinutes(10));
        String token = TestTokens.nora();
        cache.decode(token);

        clock.advance(Duration.ofMinutes(5).plusSeconds(61));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThat(verifications).as("checked again once past its expiry").hasValue(2);
    }

    @Test
    void tokensTheDecoderRefusesAreNeverKept() {
        VerifiedTokenCache cache = cacheOver(decoderTrusting(testKey()), Duration.ofMinutes(10));
        String good = TestTokens.nora();
        cache.decode(good);
        String tampered = asAnotherUser(good, "nora", "nate");

        for (String refused : List.of(tampered, TestTokens.signedByAStranger("nora", MANAGER),
                TestTokens.forAudience("nora", MANAGER, "account"), TestTokens.fromAnotherIssuer("nora", MANAGER),
                TestTokens.expired("nora", MANAGER))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> cache.decode(refused)).isInstanceOf(JwtException.class);
            }
        }
        assertThat(cache.size()).as("only the good token is kept").isEqualTo(1);
        assertThat(verifications).as("each refused token checked on each attempt").hasValue(1 + 5 * 2);
    }

    @Test
    void aTokenOfAWithdrawnKeyIsAcceptedAtMostForTheMaximumAge() throws Exception {
        AtomicReference<JwtDecoder> realmKeys = new AtomicReference<>(decoderTrusting(testKey()));
        VerifiedTokenCache cache = cacheOver(token -> realmKeys.get().decode(token), Duration.ofSeconds(30));
        String token = TestTokens.nora();
        cache.decode(token);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        realmKeys.set(decoderTrusting((RSAPublicKey) generator.generateKeyPair().getPublic()));

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.decode(token).getSubject()).as("within the bound").isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cache.decode(token)).as("beyond the bound").isInstanceOf(JwtException.class);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfTokens() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoderTrusting(testKey()), clock, Duration.ofMinutes(1), 3);

        for (int i = 0; i < 10; i++) {
            cache.decode(TestTokens.token("user" + i, MANAGER, null));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    /** The same token with its claims changed and its signature kept: what a forger would try. */
    static String asAnotherUser(String token, String user, String other) {
        String[] parts = token.split("\\.");
        var base64 = java.util.Base64.getUrlDecoder();
        String claims = new String(base64.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"" + user + "\"");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"" + user + "\"", "\"" + other + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private VerifiedTokenCache cacheOver(JwtDecoder decoder, Duration maxAge) {
        return new VerifiedTokenCache(decoder, clock, maxAge, 100);
    }

    /** The platform's validators (issuer, the API's audience, lifetime with Spring's default skew) on this clock. */
    private JwtDecoder decoderTrusting(RSAPublicKey key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(lifetime, new JwtIssuerValidator(TestTokens.ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(TestTokens.AUDIENCE))));
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private static RSAPublicKey testKey() {
        try (var in = URI.create(TestTokens.publicKeyLocation()).toURL().openStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
