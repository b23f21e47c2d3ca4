/** The batch API: pushing rows, progress, listings and the report of rejected rows. */
@NullMarked
package io.kam.sellthrough.batch;

import org.jspecify.annotations.NullMarked;
