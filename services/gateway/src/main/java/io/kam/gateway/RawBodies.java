package io.kam.gateway;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * A service gets the caller's body byte for byte and the caller's query string as it was sent, form posts
 * included.
 *
 * <p>A servlet container treats the fields of a url-encoded form body as request parameters, alongside the query's,
 * and reads them out of the body the first time anything asks for a parameter. Spring Cloud Gateway asks: it builds
 * the service's address from every request parameter (its {@code ProxyExchangeHandlerFunction}), so a form's fields
 * would move into the query string, and its {@code FormFilter} writes the body again from the parameters (the
 * query's mixed in; off in {@code kam-gateway.properties}). Spring Security's bearer token resolver asks too, for an
 * {@code access_token} field. So {@link #bodyLeftToTheService()} takes the body as a stream before any of them: the
 * container then never parses it (Tomcat parses only the query once the stream is taken), and the relay streams it
 * on unread. {@link #withTheCallersQuery} then sends the query exactly as the caller wrote it, not the gateway's
 * re-encoding of the parsed parameters, and the caller's {@code Content-Type} as it was written. Spring's {@code FormContentFilter}, which would parse the form body of a PUT,
 * PATCH or DELETE, is off as well ({@code spring.mvc.formcontent.filter.enabled=false}); multipart bodies are never
 * parsed (Spring Cloud Gateway turns multipart off in the gateway's application).
 */
@Configuration(proxyBeanMethods = false)
class RawBodies {

    /** First of all filters, before anything (security included) can ask for a parameter. */
    @Bean
    FilterRegistrationBean<Filter> bodyLeftToTheService() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new BodyLeftToTheService());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("bodyLeftToTheService");
        return registration;
    }

    /**
     * The request with the service's address ending in the caller's own query string (or none if it sent none), and
     * the caller's own Content-Type.
     */
    static ProxyExchange.Request withTheCallersQuery(ProxyExchange.Request request) {
        URI built = request.getUri();
        if (built == null) {
            return request;
        }
        String query = request.getServerRequest().servletRequest().getQueryString();
        String address = built.getScheme() + "://" + built.getRawAuthority()
                + (built.getRawPath() == null ? "" : built.getRawPath()) + (query == null ? "" : "?" + query);
        return new Relayed(request, URI.create(address), withTheCallersContentType(request));
    }

    /**
     * The headers with the caller's own {@code Content-Type}: Spring rebuilds it from the container's parsed type and
     * the request's character encoding (which the encoding filter sets), adding a {@code charset} the caller did not
     * send, and rewrites a multipart type's spacing.
     */
    private static HttpHeaders withTheCallersContentType(ProxyExchange.Request request) {
        String sent = request.getServerRequest().servletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
        String relayed = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (sent == null || sent.equals(relayed)) {
            return request.getHeaders();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders()); // they may be read-only
        headers.set(HttpHeaders.CONTENT_TYPE, sent);
        return headers;
    }

    private static final class BodyLeftToTheService implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && http.getContentType() != null) {
                // Taking the stream (not reading it) is enough: the container parses no body once it is taken.
                http.getInputStream();
            }
            chain.doFilter(request, response);
        }
    }

    /** The request as Spring Cloud Gateway built it, to another address and with other headers. */
    private record Relayed(ProxyExchange.Request request, URI uri, HttpHeaders headers) implements ProxyExchange.Request {

        @Override
        public HttpMethod getMethod() {
            return request.getMethod();
        }

        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public ServerRequest getServerRequest() {
            return request.getServerRequest();
        }

        @Override
        public Collection<ProxyExchange.ResponseConsumer> getResponseConsumers() {
            return request.getResponseConsumers();
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
