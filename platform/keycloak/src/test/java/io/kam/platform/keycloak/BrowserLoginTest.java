package io.kam.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The browser's way in through {@code kam-web}: authorization code with PKCE S256, on the real login page, and the
 * limits the client sets (PKCE required, only the platform's redirect URIs).
 */
class BrowserLoginTest {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void a_user_logs_in_with_the_authorization_code_and_pkce() throws Exception {
        // Keycloak marks its cookies Secure; browsers send those to http://localhost, Java's CookieManager does not,
        // so this test keeps them itself.
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient browser = plainClient();
        String verifier = randomVerifier();

        HttpResponse<String> loginPage = send(browser, cookies, get(authorizeUri(Map.of(
                "code_challenge", s256(verifier), "code_challenge_method", "S256"))));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("login form in %s", loginPage.body()).isTrue();

        HttpResponse<String> afterLogin = send(browser, cookies, post(action.group(1).replace("&amp;", "&"),
                Map.of("username", "sofia", "password", "sofia-dev", "credentialId", "")));
        assertThat(afterLogin.statusCode()).as("login answer %s", afterLogin.body()).isEqualTo(302);
        URI callback = URI.create(afterLogin.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(REDIRECT + "?");
        Map<String, String> callbackParameters = query(callback);
        assertThat(callbackParameters).containsEntry("state", "s1").containsKey("code");

        HttpResponse<String> tokens = browser.send(post(keycloak.tokenUri(), Map.of(
                "grant_type", "authorization_code", "client_id", "kam-web", "redirect_uri", REDIRECT,
                "code", callbackParameters.get("code"), "code_verifier", verifier)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as("token answer %s", tokens.body()).isEqualTo(200);
        JsonNode claims = OidcClient.claims(OidcClient.JSON.readTree(tokens.body()).path("access_token").asString());
        assertThat(claims.path("preferred_username").asString()).isEqualTo("sofia");
        assertThat(claims.path("region").asString()).isEqualTo("SOUTH");
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void a_code_is_not_exchanged_without_its_verifier() throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient browser = plainClient();
        String verifier = randomVerifier();
        HttpResponse<String> loginPage = send(browser, cookies, get(authorizeUri(Map.of(
                "code_challenge", s256(verifier), "code_challenge_method", "S256"))));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).isTrue();
        HttpResponse<String> afterLogin = send(browser, cookies, post(action.group(1).replace("&amp;", "&"),
                Map.of("username", "eric", "password", "eric-dev", "credentialId", "")));
        String code = query(URI.create(afterLogin.headers().firstValue("Location").orElseThrow())).get("code");

        HttpResponse<String> tokens = browser.send(post(keycloak.tokenUri(), Map.of(
                "grant_type", "authorization_code", "client_id", "kam-web", "redirect_uri", REDIRECT,
                "code", code, "code_verifier", randomVerifier())), HttpResponse.BodyHandlers.ofString());

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(OidcClient.JSON.readTree(tokens.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    /** Sends with the jar's cookies and keeps the ones the answer sets. */
    private static HttpResponse<String> send(HttpClient client, Map<String, String> jar, HttpRequest request)
            throws Exception {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            if (pair.length == 2 && !pair[1].isEmpty() && !header.contains("Max-Age=0")) {
                jar.put(pair[0].trim(), pair[1].trim());
            } else {
                jar.remove(pair[0].trim());
            }
        }
        return response;
    }

    @Test
    void an_authorization_request_without_pkce_is_refused() throws Exception {
        HttpResponse<String> response = plainClient().send(get(authorizeUri(Map.of())),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> back = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(back).containsEntry("error", "invalid_request");
        assertThat(back.get("error_description")).contains("code_challenge_method");
    }

    @Test
    void pkce_with_the_plain_method_is_refused() throws Exception {
        String verifier = randomVerifier();
        HttpResponse<String> response = plainClient().send(get(authorizeUri(Map.of(
                "code_challenge", verifier, "code_challenge_method", "plain"))), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(query(URI.create(response.headers().firstValue("Location").orElseThrow())))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void a_redirect_outside_the_platform_is_refused() throws Exception {
        String verifier = randomVerifier();
        String uri = authorizeUri(Map.of("code_challenge", s256(verifier), "code_challenge_method", "S256"))
                .replace(URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8),
                        URLEncoder.encode("http://evil.example/callback", StandardCharsets.UTF_8));

        HttpResponse<String> response = plainClient().send(get(uri), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("redirect_uri");
    }

    private static String authorizeUri(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", "kam-web");
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        parameters.put("redirect_uri", REDIRECT);
        parameters.put("state", "s1");
        parameters.putAll(extra);
        return keycloak.issuerUri() + "/protocol/openid-connect/auth?" + encode(parameters);
    }

    private static HttpClient plainClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String uri, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first,
                        LinkedHashMap::new));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
