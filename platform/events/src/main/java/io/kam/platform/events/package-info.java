/**
 * The event contract shared by every service: a CloudEvents 1.0 envelope in structured JSON mode, published on
 * {@code kam.<service>.v1} with the account id as record key and as CloudEvents subject.
 */
@NullMarked
package io.kam.platform.events;

import org.jspecify.annotations.NullMarked;
