/**
 * Which accounts a caller may see: the one rule the reviews and the sell-through reports both answer by, so that an
 * account outside a caller's scope is unknown (404) to them everywhere alike.
 */
@NullMarked
package io.kam.projection.scope;

import org.jspecify.annotations.NullMarked;
