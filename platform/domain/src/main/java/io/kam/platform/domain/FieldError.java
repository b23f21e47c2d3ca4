package io.kam.platform.domain;

/**
 * One invalid field of a request.
 *
 * @param field   the JSON path of the field, for example {@code stores[2].code}
 * @param message what is wrong, in words a caller can act on
 */
public record FieldError(String field, String message) {
}
