package io.kam.platform.security;

import java.security.interfaces.RSAPublicKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
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

import io.kam.platform.web.CurrentActor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a service an OAuth2 resource server for the platform's Keycloak realm: every endpoint but health needs a
 * valid bearer token (issuer and signature checked through {@code spring.security.oauth2.resourceserver.jwt.*});
 * realm roles become authorities; the acting user, their roles and region come from the token. Refusals are
 * RFC 9457 problem details: 401 without a valid token, 403 without the role.
 */
@AutoConfiguration(beforeName = {"io.kam.platform.web.KamWebAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RestrictedPaths.class)
public class KamSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain kamResourceServer(HttpSecurity http, RestrictedPaths restricted) throws Exception {
        ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/error").permitAll();
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
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) throws Exception {
        RSAPublicKey key;
        try (var in = publicKey.getInputStream()) {
            key = RsaKeyConverters.x509().convert(in);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    @Bean
    CurrentActor currentActor() {
        return new TokenActor();
    }
}
