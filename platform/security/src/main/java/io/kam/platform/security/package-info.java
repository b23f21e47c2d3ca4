/**
 * Every service is an OAuth2 resource server for the platform's Keycloak realm (ADR 0002): tokens checked against
 * the realm's issuer and keys, realm roles as authorities, the region claim on the {@link io.kam.platform.events.Actor}.
 */
@NullMarked
package io.kam.platform.security;

import org.jspecify.annotations.NullMarked;
