/**
 * Ingesting a batch: the batch table and its progress, the pipeline that reads and checks rows on one thread while
 * another stores them with COPY and upserts, and the events composed from what changed.
 */
@NullMarked
package io.kam.sellthrough.ingest;

import org.jspecify.annotations.NullMarked;
