package io.kam.otherservice.secret;

/** An internal class of a service, which no other service may use. */
public record Secret(String value) {
}
