package io.kam.gateway;

import java.net.URI;
import java.util.function.Function;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the web app the address the browser used: {@code X-Forwarded-Host} (with the port), {@code -Port} and
 * {@code -Proto} from the request the gateway received, replacing any the caller sent, on the web app's route only.
 * Spring Cloud Gateway drops every caller's forwarded header (no trusted proxies are configured) and, as it
 * trusts none, adds none itself; this filter runs after that.
 */
@Configuration(proxyBeanMethods = false)
class BrowserAddress {

    private static final String MARK = BrowserAddress.class.getName();

    /** Marks a request of the web app's route. */
    static Function<ServerRequest, ServerRequest> mark() {
        return request -> {
            request.attributes().put(MARK, Boolean.TRUE);
            return request;
        };
    }

    @Bean
    HttpHeadersFilter.RequestHttpHeadersFilter browserAddressForTheWebApp() {
        return new Forwarded();
    }

    private static final class Forwarded implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
            if (request.attribute(MARK).isEmpty()) {
                return input;
            }
            URI seen = request.uri();
            int port = seen.getPort() != -1 ? seen.getPort() : "https".equals(seen.getScheme()) ? 443 : 80;
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(input); // the input may be read-only
            headers.remove("Forwarded");
            headers.remove("X-Forwarded-Prefix");
            headers.set("X-Forwarded-Host", seen.getHost() + ":" + port);
            headers.set("X-Forwarded-Port", String.valueOf(port));
            headers.set("X-Forwarded-Proto", seen.getScheme());
            return headers;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
