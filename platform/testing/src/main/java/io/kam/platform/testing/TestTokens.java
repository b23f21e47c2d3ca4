package io.kam.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens shaped like the platform's Keycloak realm issues them ({@code preferred_username},
 * {@code realm_access.roles}, {@code region}, {@code retailer}, the API's audience {@value #AUDIENCE} in
 * {@code aud}), signed with a key pair made for this test JVM. Services under test
 * trust it through {@link KamInfrastructure#springProperties}. The fast tests of every security rule use these;
 * the suite against a real Keycloak proves the realm issues the same shape.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.kam.test/realms/kam";
    /** The audience the services accept (kam-security's default {@code kam.security.audience}). */
    public static final String AUDIENCE = "kam-api";
    static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair STRANGER = newKeyPair();
    private static volatile String publicKeyLocation;

    private TestTokens() {
    }

    /** Nora, national KA manager: sees and changes everything. */
    public static String nora() {
        return token("nora", Set.of("national-ka-manager"), null);
    }

    /** Nate, the second national KA manager: approves what Nora writes, and the other way round. */
    public static String nate() {
        return token("nate", Set.of("national-ka-manager"), null);
    }

    /** Eric, regional coordinator of the East. */
    public static String eric() {
        return token("eric", Set.of("regional-coordinator"), "EAST");
    }

    /** Sofia, regional coordinator of the South. */
    public static String sofia() {
        return token("sofia", Set.of("regional-coordinator"), "SOUTH");
    }

    /**
     * The integration client's service account bound to no retailer: the services refuse it everything (403
     * {@code retailer-required}); use it to prove that refusal.
     */
    public static String integration() {
        return token("service-account-kam-integration", Set.of("integration"), null);
    }

    /** The integration client's service account, tied to one retailer's account: the usual integration. */
    public static String integrationFor(UUID account) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("service-account-kam-integration", Set.of("integration"), null,
                ISSUER, Duration.ofMinutes(5))).claim("retailer", account.toString()).build();
        return sign(KEYS, claims);
    }

    /** An integration granted the separate role {@code integration-all-accounts}: it sees every account. */
    public static String integrationForAllAccounts() {
        return token("service-account-kam-reporting", Set.of("integration", "integration-all-accounts"), null);
    }

    /** The monitoring client's service account, role {@code operator}: reads the actuator's metrics. */
    public static String operator() {
        return token("service-account-kam-monitoring", Set.of("operator"), null);
    }

    /** A token of the realm issued for other audiences than the platform's API (another client's token). */
    public static String forAudience(String user, Set<String> roles, String... audiences) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(user, roles, null, ISSUER, Duration.ofMinutes(5)))
                .audience(List.of(audiences)).claim("azp", "other-client").build();
        return sign(KEYS, claims);
    }

    /** A token of the realm without any audience. */
    public static String withoutAudience(String user, Set<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(user, roles, null, ISSUER, Duration.ofMinutes(5)))
                .audience((String) null).build();
        return sign(KEYS, claims);
    }

    public static String token(String user, Set<String> roles, String region) {
        return sign(KEYS, claims(user, roles, region, ISSUER, Duration.ofMinutes(5)));
    }

    /** A token whose lifetime ended a minute ago. */
    public static String expired(String user, Set<String> roles) {
        return sign(KEYS, claims(user, roles, null, ISSUER, Duration.ofMinutes(-1)));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByAStranger(String user, Set<String> roles) {
        return sign(STRANGER, claims(user, roles, null, ISSUER, Duration.ofMinutes(5)));
    }

    /** A token from another realm (issuer). */
    public static String fromAnotherIssuer(String user, Set<String> roles) {
        return sign(KEYS, claims(user, roles, null, "https://keycloak.kam.test/realms/other", Duration.ofMinutes(5)));
    }

    /** A {@code file:} location of the trusted public key in PEM, written once per JVM. */
    public static String publicKeyLocation() {
        String location = publicKeyLocation;
        if (location == null) {
            synchronized (TestTokens.class) {
                location = publicKeyLocation;
                if (location == null) {
                    try {
                        Path pem = Files.createTempFile("kam-test-jwt-", ".pem");
                        pem.toFile().deleteOnExit();
                        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
                        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
                        location = pem.toUri().toString();
                        publicKeyLocation = location;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return location;
    }

    private static JWTClaimsSet claims(String user, Set<String> roles, String region, String issuer, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim("azp", "kam-web")
                .audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        if (region != null) {
            claims.claim("region", region);
        }
        return claims.build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kam-test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
