/** The SKUs each account lists (分销) and their agreed retail prices (协议零售价), kept here until a terms service exists. */
@NullMarked
package io.kam.visits.listing;

import org.jspecify.annotations.NullMarked;
