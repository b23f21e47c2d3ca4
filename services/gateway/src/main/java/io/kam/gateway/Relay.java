package io.kam.gateway;

import java.util.function.Function;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * How the gateway sends a request on to its service.
 *
 * <p>Bodies stream: Spring Cloud Gateway's {@link RestClientProxyExchange} hands the caller's body to the
 * {@link RestClient} as a {@code StreamingHttpOutputMessage.Body}, which the JDK client request writes through a
 * back-pressured publisher on a separate thread while the caller is still sending; the gateway holds a few buffers
 * of a request, never the whole of it. {@code GatewayStreamingTest} proves it for a 64 MB upload, and would catch
 * a change (an interceptor on the client, a buffering request factory) that made the gateway hold the body again.
 *
 * <p>The caller's {@code Content-Length} reaches the service: Spring Cloud Gateway's own filter that drops it is off
 * ({@code spring.cloud.gateway.server.webmvc.remove-content-length-request-headers-filter.enabled=false} in
 * {@code kam-gateway.properties}); the JDK client sends the body with exactly that length, or chunked when the
 * caller sent none. Form bodies are no exception: {@link RawBodies} keeps the container from parsing them, so they
 * too go on as the caller sent them, with the caller's query string.
 *
 * <p>Timeouts: the JDK client's "read timeout" is a deadline for the whole exchange (sending the body, the
 * service's work, reading its answer), so an upload route needs a far longer one than the 30 s that guard every
 * other route. An upload route ({@code kam.gateway.upload-routes}) therefore goes through a second client, the
 * same in every other setting, whose deadline is {@code kam.gateway.upload-read-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class Relay {

    private static final String UPLOAD = Relay.class.getName() + ".upload";

    /** Marks a request of an upload route, which the relay sends with the upload route's longer deadline. */
    static Function<ServerRequest, ServerRequest> asUpload() {
        return request -> {
            request.attributes().put(UPLOAD, Boolean.TRUE);
            return request;
        };
    }

    @Bean
    ProxyExchange streamingRelay(RestClient.Builder restClients, ClientHttpRequestFactoryBuilder<?> requestFactories,
            HttpClientSettings settings, GatewayMvcProperties gatewayMvc, GatewayProperties properties) {
        // The builder comes with the configured request factory (spring.http.clients.*), set by the gateway's
        // own RestClientCustomizer; the upload client replaces it by one that differs in its read timeout only.
        ProxyExchange regular = new RestClientProxyExchange(restClients.clone().build(), gatewayMvc);
        ProxyExchange uploads = new RestClientProxyExchange(restClients.clone()
                .requestFactory(requestFactories.build(settings.withReadTimeout(properties.uploadReadTimeout())))
                .build(), gatewayMvc);
        return new ByRoute(regular, uploads);
    }

    /** Sends a request of an upload route through the upload client, any other through the regular one. */
    private record ByRoute(ProxyExchange regular, ProxyExchange uploads) implements ProxyExchange {

        @Override
        public ServerResponse exchange(Request request) {
            boolean upload = request.getServerRequest().attribute(UPLOAD).isPresent();
            return (upload ? uploads : regular).exchange(RawBodies.withTheCallersQuery(request));
        }
    }
}
