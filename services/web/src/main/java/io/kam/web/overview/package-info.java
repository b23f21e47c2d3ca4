/** The national overview: the accounts ranked by their figures, with filters and charts. */
@NullMarked
package io.kam.web.overview;

import org.jspecify.annotations.NullMarked;
