/** One account's business review page, every section as the projection serves it. */
@NullMarked
package io.kam.web.review;

import org.jspecify.annotations.NullMarked;
