/** The frame of every page: login through Keycloak, the language, the API client and the formats. */
@NullMarked
package io.kam.web.shell;

import org.jspecify.annotations.NullMarked;
