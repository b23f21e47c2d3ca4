package io.kam.sellthrough.connector;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

import io.kam.sellthrough.api.RowFormat;

/**
 * Rows a source handed over: the body to ingest, how to read it, and the cursor to start from next time.
 *
 * @param length the body's length as sent, when the source says
 */
record Pulled(InputStream body, RowFormat format, Charset charset, boolean gzip, @Nullable Long length, String nextCursor)
        implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
