package io.kam.sellthrough.rows;

import java.io.IOException;
import java.io.InputStream;

/**
 * The physical lines of a byte stream, one at a time, without ever holding more than one buffer of it. A line is
 * handed out as a slice of the buffer ({@link #bytes()}, {@link #start()}, {@link #end()}), valid until the next call,
 * without its line break ({@code \n} or {@code \r\n}). A line longer than the limit is not kept: it is reported as
 * {@link #tooLong()} with its length, and reading goes on at the next line, so one runaway line (a missing quote, a
 * binary file) costs neither memory nor the rest of the batch.
 *
 * <p>Lines are split on the byte {@code \n}, which is safe for UTF-8, GBK and GB18030 alike: none of them uses that
 * byte inside a multi-byte character.
 */
public final class ByteLines {

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;

    private long number;
    private int start;
    private int end;
    private boolean tooLong;
    private long length;

    /**
     * @param skipUtf8Bom whether a UTF-8 byte order mark at the very start is dropped
     */
    public ByteLines(InputStream in, int maxLineBytes, boolean skipUtf8Bom) throws IOException {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.max(64 * 1024, 2 * (maxLineBytes + 2))];
        if (skipUtf8Bom) {
            fill();
            if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                position = 3;
            }
        }
    }

    /** Moves to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        tooLong = false;
        int scan = position;
        while (true) {
            int lf = indexOf(LF, scan, limit);
            if (lf >= 0) {
                return emit(lf, lf + 1);
            }
            if (limit - position > maxLineBytes + 1) {
                return skipLongLine();
            }
            scan = limit;
            if (eof) {
                return position < limit && emit(limit, limit);
            }
            int kept = limit - position;
            compact();
            scan = kept;
            fill();
        }
    }

    private boolean emit(int lineEnd, int next) {
        number++;
        start = position;
        end = lineEnd > start && buffer[lineEnd - 1] == CR ? lineEnd - 1 : lineEnd;
        length = end - start;
        position = next;
        if (length > maxLineBytes) {
            tooLong = true;
        }
        return true;
    }

    /** Reads past the rest of a line longer than the limit, counting its bytes. */
    private boolean skipLongLine() throws IOException {
        number++;
        long skipped = 0;
        while (true) {
            int lf = indexOf(LF, position, limit);
            if (lf >= 0) {
                skipped += lf - position;
                position = lf + 1;
                break;
            }
            skipped += limit - position;
            position = limit;
            if (eof) {
                break;
            }
            compact();
            fill();
        }
        tooLong = true;
        length = skipped;
        start = 0;
        end = 0;
        return true;
    }

    private void compact() {
        int kept = limit - position;
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        limit = kept;
    }

    private void fill() throws IOException {
        while (!eof && limit < buffer.length) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
                if (read > 0) {
                    return;
                }
            }
        }
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based number of the current line. */
    public long number() {
        return number;
    }

    public byte[] bytes() {
        return buffer;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** Whether the current line exceeded the limit; its content is then not available. */
    public boolean tooLong() {
        return tooLong;
    }

    /** The current line's length in bytes, without its line break. */
    public long length() {
        return length;
    }

    /** Whether the current line holds nothing but spaces and tabs. */
    public boolean blank() {
        if (tooLong) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
