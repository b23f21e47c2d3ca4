/** {@code make run}: the whole platform on one machine from real parts fetched by Maven. */
@NullMarked
package io.kam.local;

import org.jspecify.annotations.NullMarked;
