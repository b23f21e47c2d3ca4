/** Who may push, read and configure sell-through data, and within which accounts. */
@NullMarked
package io.kam.sellthrough.access;

import org.jspecify.annotations.NullMarked;
