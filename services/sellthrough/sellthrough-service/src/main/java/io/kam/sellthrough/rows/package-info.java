/**
 * Reading and checking sell-through rows, with no framework: the byte-level line reader, the CSV tokenizer and the
 * NDJSON reader, which never hold more than a buffer of the body; and the rules every row follows, pushed or pulled.
 */
@NullMarked
package io.kam.sellthrough.rows;

import org.jspecify.annotations.NullMarked;
