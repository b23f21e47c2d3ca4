/** The negotiations service: its application and the features below it. */
@NullMarked
package io.kam.negotiations;

import org.jspecify.annotations.NullMarked;
