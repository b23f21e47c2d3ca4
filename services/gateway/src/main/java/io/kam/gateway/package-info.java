/** The gateway: the single entry of the platform, routing {@code /api/<service>/**} to each service. */
@org.jspecify.annotations.NullMarked
package io.kam.gateway;
