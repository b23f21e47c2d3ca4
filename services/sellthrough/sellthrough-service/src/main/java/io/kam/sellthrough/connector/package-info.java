/**
 * Pull connectors: per account an HTTP endpoint or a drop folder, pulled on a schedule from its cursor, each pull a batch
 * checked like a push; retries with back-off.
 */
@NullMarked
package io.kam.sellthrough.connector;

import org.jspecify.annotations.NullMarked;
