package io.kam.gateway;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.MDC;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.kam.platform.web.RequestIdFilter;

/**
 * The request id across the gateway. {@link RequestIdFilter} (kam-web) has already kept the caller's valid id or
 * made one, put it in the logging context and on the gateway's response; these functions send that id to the
 * service in place of whatever the caller sent, and keep the service's echo of it from doubling the header.
 */
final class RequestIds {

    private RequestIds() {
    }

    /** Sends the gateway's request id to the service; a caller's invalid id never gets past the gateway. */
    static Function<ServerRequest, ServerRequest> relay() {
        return request -> {
            String id = MDC.get(RequestIdFilter.MDC_KEY);
            return ServerRequest.from(request).headers(headers -> {
                if (id == null) {
                    headers.remove(RequestIdFilter.HEADER); // no id made here: let the service make its own
                } else {
                    headers.set(RequestIdFilter.HEADER, id);
                }
            }).build();
        };
    }

    /**
     * Drops the service's {@value RequestIdFilter#HEADER} from the relayed response: the gateway's filter has
     * already set the same id on the caller's response, and the relayed headers are added, not set.
     */
    static BiFunction<ServerRequest, ServerResponse, ServerResponse> keepOne() {
        return (request, response) -> {
            if (MDC.get(RequestIdFilter.MDC_KEY) != null) {
                response.headers().remove(RequestIdFilter.HEADER);
            }
            return response;
        };
    }
}
