/** Each account's sell-through settings: retailer code, currency, whether returns are accepted. */
@NullMarked
package io.kam.sellthrough.settings;

import org.jspecify.annotations.NullMarked;
