package io.kam.platform.events;

/** A record that can never be processed as it is: malformed JSON, an unknown type or version, a payload off its schema. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
