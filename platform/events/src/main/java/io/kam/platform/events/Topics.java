package io.kam.platform.events;

/** Topic naming: one topic per service, {@code kam.<service>.v1}, and its dead-letter topic {@code <topic>.dlt}. */
public final class Topics {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String of(String service) {
        if (!service.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("service names are lower-case words: " + service);
        }
        return "kam." + service + ".v1";
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
