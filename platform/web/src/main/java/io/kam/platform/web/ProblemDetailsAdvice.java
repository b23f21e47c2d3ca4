package io.kam.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every error a service returns is an RFC 9457 problem detail: field errors for invalid input (400), and the
 * status of each {@link Rejection}, whether the domain threw it ({@link Refused}) or a controller did
 * ({@link ApiProblem}). A caller's mistake is never a 500; an unexpected failure is a 500 that shows
 * no internals and carries the request id to find it in the logs.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        Rejection rejection = problem.rejection();
        ProblemDetail body = rejection != null ? Problems.of(rejection)
                : Problems.problem(problem.status(), problem.title(), problem.code(), problem.getMessage());
        return handleExceptionInternal(problem, body, new HttpHeaders(), problem.status(), request);
    }

    /** A rejection the domain threw: its problem detail, by kind. */
    @ExceptionHandler(Refused.class)
    ResponseEntity<Object> refused(Refused refused, WebRequest request) {
        ProblemDetail body = Problems.of(refused.rejection());
        return handleExceptionInternal(refused, body, new HttpHeaders(), Problems.status(refused.rejection()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : "a " + e.getRequiredType().getSimpleName();
        return invalid(e, List.of(new FieldError(e.getName(), "must be " + expected)), request);
    }

    /** Method validation outside Spring MVC's own (a {@code @Validated} bean called by a controller). */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolations(jakarta.validation.ConstraintViolationException e, WebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(e, sorted(errors), request);
    }

    private static String leaf(String propertyPath) {
        // "search.size" names the method and then the parameter; callers know only the parameter.
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (isDatabaseAway(e)) {
            // No connection within the pool's connection timeout, or the server refusing or ending connections:
            // the request did nothing, and the client may try again shortly.
            log.warn("The database is unavailable: {}", e.getMessage());
            ProblemDetail body = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "database-unavailable", "The service's database cannot be reached just now. Nothing was saved; try again shortly.");
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return handleExceptionInternal(e, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        if (isDataException(e)) {
            // SQLSTATE class 22: a value the database cannot store (a NUL character, a date out of its range).
            ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "unstorable-value",
                    "A value is out of range or holds characters that cannot be stored (such as NUL). Nothing was saved.");
            return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed unexpectedly; the request id in the logs identifies this failure.");
        body.setTitle("Internal error");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e, fieldErrors(e.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof org.springframework.validation.FieldError fe
                        ? fe.getField() : parameter;
                errors.add(new FieldError(field, error.getDefaultMessage()));
            }
        });
        return invalid(e, sorted(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable each = e; each != null && each.getCause() != each; each = each.getCause()) {
            if (each instanceof JsonBodyLimitFilter.BodyTooLargeException tooLarge) {
                ProblemDetail body = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        "body-too-large", tooLarge.getMessage());
                return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return invalid(e, List.of(new FieldError(path(databind), unreadableMessage(databind))), request);
        }
        ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "Unreadable request", "unreadable-request",
                cause instanceof JacksonException ? "The body is not valid JSON: " + ((JacksonException) cause).getOriginalMessage()
                        : "The body is missing or unreadable.");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A pool that gave no connection in time ({@link java.sql.SQLTransientConnectionException}, HikariCP's), or a
     * SQLSTATE of class 08 (connection exception) or 57P01 to 57P03 (the server shutting down or starting).
     */
    static boolean isDatabaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDataException(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> invalid(Exception e, List<FieldError> errors, WebRequest request) {
        ProblemDetail body = Problems.of(new Rejection.Invalid(errors));
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(fe -> errors.add(new FieldError(fe.getField(), fe.getDefaultMessage())));
        result.getGlobalErrors().forEach(ge -> errors.add(new FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return sorted(errors);
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream().sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String unreadableMessage(DatabindException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                List<String> allowed = java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
                return "must be one of " + allowed + " but was " + format.getValue();
            }
            return "must be a valid " + target.getSimpleName() + " but was " + format.getValue();
        }
        return "has the wrong type or shape";
    }
}
