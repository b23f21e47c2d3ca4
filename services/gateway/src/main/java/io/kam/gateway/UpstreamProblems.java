package io.kam.gateway;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

import io.kam.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A service the gateway cannot reach is a 502 problem detail, one that does not answer in time a 504, rather than
 * kam-web's generic 500: the caller learns that the platform, not the request, is at fault, and may retry.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UpstreamProblems {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);

    @ExceptionHandler(ResourceAccessException.class)
    ProblemDetail unreachable(ResourceAccessException failure, HttpServletRequest request) {
        boolean timedOut = causedBy(failure, HttpTimeoutException.class) || causedBy(failure, SocketTimeoutException.class);
        log.warn("The service behind {} {} {}: {}", request.getMethod(), request.getRequestURI(),
                timedOut ? "did not answer in time" : "is unreachable", failure.getMostSpecificCause().toString());
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        String code = timedOut ? "service-timeout" : "service-unreachable";
        return Problems.problem(status, timedOut ? "Service timeout" : "Service unreachable", code, timedOut
                ? "The service did not answer in time. The request may or may not have taken effect."
                : "The service could not be reached or broke off the exchange. Try again later.");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
