/** Sell-through uploads for managers: push a file, follow its batch, download its rejections. */
@NullMarked
package io.kam.web.upload;

import org.jspecify.annotations.NullMarked;
