package io.kam.platform.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.kam.platform.web.CurrentActor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a service an OAuth2 resource server for the platform's Keycloak realm: every endpoint but health needs a
 * valid bearer token (issuer and signature checked through {@code spring.security.oauth2.resourceserver.jwt.*}, and
 * an {@code aud} that names the platform's API, {@code kam.security.audience}, default {@value #DEFAULT_AUDIENCE});
 * the other actuator endpoints (metrics, Prometheus, info) and the operators' tools under {@code /ops} (the
 * dead-letter replay of kam-consumer) need a role of {@code kam.security.operator-roles}
 * (default {@value #DEFAULT_OPERATOR_ROLES}); an integration bound to no retailer gets nothing
 * ({@link IntegrationBinding}); realm roles become authorities; the acting user, their roles, region and retailer
 * come from the token. Refusals are RFC 9457 problem details: 401 without a valid token, 403 without the role.
 */
@AutoConfiguration(beforeName = {"io.kam.platform.web.KamWebAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RestrictedPaths.class)
public class KamSecurityAutoConfiguration {

    /** The audience every token must carry unless {@code kam.security.audience} names another. */
    public static final String DEFAULT_AUDIENCE = "kam-api";
    /** The realm roles that read the actuator's metrics unless {@code kam.security.operator-roles} names others. */
    public static final String DEFAULT_OPERATOR_ROLES = "operator";
    /** How long a verified token is kept at most, unless {@code kam.security.token-cache.max-age} says otherwise. */
    public static final String DEFAULT_TOKEN_CACHE_AGE = "PT1M";
    /** How many verified tokens are kept at most, unless {@code kam.security.token-cache.max-size} says otherwise. */
    public static final long DEFAULT_TOKEN_CACHE_SIZE = 10_000;

    @Bean
    SecurityFilterChain kamResourceServer(HttpSecurity http, RestrictedPaths restricted, CurrentActor actor,
                                          @Value("${kam.security.operator-roles:" + DEFAULT_OPERATOR_ROLES + "}")
                                          List<String> operatorRoles,
                                          @Value("${kam.security.passthrough-except:}") List<String> passthroughExcept)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());
        RequestMatcher health = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health/**"));
        RequestMatcher always = new OrRequestMatcher(health, PathPatternRequestMatcher.withDefaults().matcher("/error"));
        List<String> guarded = passthroughExcept.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (!guarded.isEmpty()) {
            // A proxy in front of an application that logs its users in itself (the gateway before the web app):
            // every path but the guarded ones passes through without a token; the guarded ones need one as anywhere.
            RequestMatcher passthrough = new org.springframework.security.web.util.matcher.NegatedRequestMatcher(
                    new OrRequestMatcher(guarded.stream().map(pattern -> (RequestMatcher)
                            PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList()));
            always = new OrRequestMatcher(always, passthrough);
        }
        RequestMatcher open = always;
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(open).permitAll()
                            .requestMatchers("/actuator", "/actuator/**", "/ops/**").hasAnyAuthority(operatorRoles.stream()
                                    .map(role -> RealmRolesConverter.ROLE_PREFIX + role).toArray(String[]::new));
                    for (RestrictedPaths.Rule rule : restricted.restricted()) {
                        requests.requestMatchers(rule.paths().toArray(String[]::new)).hasAnyAuthority(rule.roles()
                                .stream().map(role -> RealmRolesConverter.ROLE_PREFIX + role).toArray(String[]::new));
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RealmRolesConverter()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .addFilterBefore(new IdentityProviderGuard(problems), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new IntegrationBinding(actor, open, problems), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * With a public key configured (tests, or a realm key pinned by the operator), tokens are checked against it
     * and the issuer, without asking the issuer for its keys; otherwise Boot discovers the keys from the issuer.
     */
    @Bean
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
    JwtDecoder pinnedKeyJwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location}") Resource publicKey,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
            OAuth2TokenValidator<Jwt> kamAudience) throws Exception {
        RSAPublicKey key;
        try (var in = publicKey.getInputStream()) {
            key = RsaKeyConverters.x509().convert(in);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer), kamAudience));
        return decoder;
    }

    /**
     * Tokens must be issued for the platform's API: their {@code aud} contains {@code kam.security.audience}, which
     * the realm's client scope {@code kam-api} adds to the tokens of its own clients only. Any other client of the
     * realm is refused (401). Spring Boot adds this validator to the decoders it builds from the issuer or a key
     * set URI; {@link #pinnedKeyJwtDecoder} adds it to its own.
     */
    @Bean
    OAuth2TokenValidator<Jwt> kamAudience(@Value("${kam.security.audience:" + DEFAULT_AUDIENCE + "}") String audience) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    /**
     * Every {@link JwtDecoder} of the service (Boot's from the issuer or key set, or {@link #pinnedKeyJwtDecoder})
     * verifies a token's RSA signature once and keeps the result ({@link VerifiedTokenCache}): at most
     * {@code kam.security.token-cache.max-size} tokens (default {@value #DEFAULT_TOKEN_CACHE_SIZE}), each until it
     * expires or for {@code kam.security.token-cache.max-age} (default {@value #DEFAULT_TOKEN_CACHE_AGE}), whichever
     * is sooner; {@code kam.security.token-cache.enabled=false} turns it off. ADR 0019 says why and what it bounds.
     */
    @Bean
    static BeanPostProcessor kamVerifiedTokenCache(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean enabled = binder.bind("kam.security.token-cache.enabled", Boolean.class).orElse(true);
        Duration maxAge = binder.bind("kam.security.token-cache.max-age", Duration.class)
                .orElse(Duration.parse(DEFAULT_TOKEN_CACHE_AGE));
        long maxSize = binder.bind("kam.security.token-cache.max-size", Long.class).orElse(DEFAULT_TOKEN_CACHE_SIZE);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (enabled && bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    return new VerifiedTokenCache(decoder, Clock.systemUTC(), maxAge, maxSize);
                }
                return bean;
            }
        };
    }

    @Bean
    CurrentActor currentActor() {
        return new TokenActor();
    }
}
