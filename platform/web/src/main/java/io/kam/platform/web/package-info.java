/**
 * The HTTP conventions of every service: RFC 9457 problem details ({@link io.kam.platform.web.ApiProblem}),
 * versions as ETags and {@code If-Match} ({@link io.kam.platform.web.Versions}), request ids in logs.
 */
@NullMarked
package io.kam.platform.web;

import org.jspecify.annotations.NullMarked;
