package io.kam.sellthrough.api;

/** How a batch arrived: pushed by a client through the API, or pulled by the account's connector. */
public enum BatchSource {
    PUSH, PULL
}
