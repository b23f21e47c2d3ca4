/**
 * The published contract of the sell-through service: its events on {@code kam.sellthrough.v1}, request and response
 * records and enums. Consumers depend on this module, never on the service.
 */
@NullMarked
package io.kam.sellthrough.api;

import org.jspecify.annotations.NullMarked;
