package io.kam.web.shell;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API as the logged-in user: every call goes to the gateway ({@code kam.web.api-url}) with the
 * user's access token, so each service decides what this user may see and do, exactly as for any other client.
 * Answers are read as JSON trees of maps and lists (numbers as {@link java.math.BigDecimal}, as the API wrote them);
 * a 4xx or 5xx answer is an {@link ApiProblem} carrying the API's problem detail.
 */
@Component
public class Api {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final RestClient client;
    private final JsonMapper json;

    Api(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClients,
        @Value("${kam.web.api-url}") String apiUrl) {
        OAuth2ClientHttpRequestInterceptor withToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        withToken.setClientRegistrationIdResolver(request -> Security.REGISTRATION);
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.client = builder.clone().baseUrl(apiUrl).requestInterceptor(withToken).build();
    }

    /** GETs a JSON object. */
    public Map<String, Object> get(Function<UriBuilder, URI> uri) {
        String body = client.get().uri(uri).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw ApiProblem.of(response.getStatusCode().value(), response.getBody().readAllBytes(), json);
                })
                .body(String.class);
        return body == null ? Map.of() : json.readValue(body, OBJECT);
    }

    /** GETs a JSON array of objects. */
    public List<Map<String, Object>> getList(Function<UriBuilder, URI> uri) {
        String body = client.get().uri(uri).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw ApiProblem.of(response.getStatusCode().value(), response.getBody().readAllBytes(), json);
                })
                .body(String.class);
        return body == null ? List.of() : json.readValue(body, LIST);
    }

    /** GETs a JSON object with its {@code ETag}, the version a later change names in {@code If-Match}. */
    public Read read(Function<UriBuilder, URI> uri) {
        var entity = client.get().uri(uri).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw ApiProblem.of(response.getStatusCode().value(), response.getBody().readAllBytes(), json);
                })
                .toEntity(String.class);
        String body = entity.getBody();
        return new Read(body == null ? Map.of() : json.readValue(body, OBJECT), entity.getHeaders().getETag());
    }

    /** An answer and its ETag (null when the API sent none). */
    public record Read(Map<String, Object> body, @Nullable String etag) {

        /** The version the ETag names ({@code "3"} is 3), for a form to send back; null without one. */
        public @Nullable Long version() {
            return etag == null || !etag.matches("\"\\d{1,18}\"") ? null : Long.valueOf(etag.replace("\"", ""));
        }
    }

    /**
     * POSTs a JSON body (or none) to a resource read at that version ({@code If-Match}, so that what the user acts
     * on is what they saw); returns the answer's JSON object.
     */
    public Map<String, Object> post(Function<UriBuilder, URI> uri, @Nullable Object body, long version) {
        RestClient.RequestBodySpec request = client.post().uri(uri).header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return answer(request);
    }

    /** PUTs a JSON body to a resource read at that version ({@code If-Match}); returns the answer's JSON object. */
    public Map<String, Object> put(Function<UriBuilder, URI> uri, Object body, long version) {
        return answer(client.put().uri(uri).header("If-Match", "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body)));
    }

    /** POSTs a JSON body that creates something (no version to name); returns the answer's JSON object. */
    public Map<String, Object> create(Function<UriBuilder, URI> uri, Object body) {
        return answer(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body)));
    }

    /**
     * POSTs one file as {@code multipart/form-data} (part {@code part}, with its name and type as the browser sent
     * them); returns the answer's JSON object.
     */
    public Map<String, Object> upload(Function<UriBuilder, URI> uri, String part, String filename,
                                      @Nullable String contentType, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part(part, new ByteArrayResource(content)).filename(filename)
                .contentType(contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
        return answer(client.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()));
    }

    /** POSTs a file's bytes as the body, of the type given; returns the answer's JSON object. */
    public Map<String, Object> push(Function<UriBuilder, URI> uri, String contentType, byte[] content) {
        return answer(client.post().uri(uri).contentType(MediaType.parseMediaType(contentType)).body(content));
    }

    /**
     * GETs a file and hands its bytes, as they arrive, to {@code sink} with the API's headers (type, length,
     * {@code Content-Disposition}); a 4xx or 5xx answer is an {@link ApiProblem} before anything is handed over.
     */
    public void download(Function<UriBuilder, URI> uri, Download sink) {
        client.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw ApiProblem.of(response.getStatusCode().value(), response.getBody().readAllBytes(), json);
            }
            sink.accept(response.getHeaders(), response.getBody());
            return null;
        });
    }

    /** Where a download's bytes go. */
    @FunctionalInterface
    public interface Download {
        void accept(HttpHeaders headers, java.io.InputStream body) throws java.io.IOException;
    }

    private Map<String, Object> answer(RestClient.RequestBodySpec request) {
        String answer = request.retrieve()
                .onStatus(HttpStatusCode::isError, (sent, response) -> {
                    throw ApiProblem.of(response.getStatusCode().value(), response.getBody().readAllBytes(), json);
                })
                .body(String.class);
        return answer == null || answer.isBlank() ? Map.of() : json.readValue(answer, OBJECT);
    }

    /** The elements of a list member, or none when it is absent or null. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(@Nullable Object value) {
        return value instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }
}
