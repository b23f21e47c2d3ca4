/** An account's business plans: the versions with who wrote, submitted and decided each (four eyes), approve and return. */
@NullMarked
package io.kam.web.plan;

import org.jspecify.annotations.NullMarked;
