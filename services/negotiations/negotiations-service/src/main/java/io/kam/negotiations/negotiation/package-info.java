/**
 * Negotiations (谈判): the account's alias table, the preparation approved with four eyes, the rounds and the
 * concession ledger (让步) whose every give is linked to a get, and the signed agreement with its amendments.
 * National KA managers only.
 */
@NullMarked
package io.kam.negotiations.negotiation;

import org.jspecify.annotations.NullMarked;
