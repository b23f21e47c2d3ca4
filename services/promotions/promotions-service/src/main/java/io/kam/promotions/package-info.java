/** The promotions service: its application and the features below it. */
@NullMarked
package io.kam.promotions;

import org.jspecify.annotations.NullMarked;
