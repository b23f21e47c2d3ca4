package io.kam.sellthrough.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The two queues between the reading and the writing thread of a batch: full chunks one way, emptied chunks back.
 * Three chunks circulate, so the reader fills one while the writer stores another. A side that waits gives up as soon
 * as the other side has stopped.
 */
final class Handoff {

    /** Marks the end of the body. */
    static final Chunk END = new Chunk(1);
    /** Tells the writer the reader failed: roll back. */
    static final Chunk ABORT = new Chunk(1);

    private static final long WAIT_MILLIS = 100;

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(3);
    private volatile Future<?> writer;

    Handoff(int chunkRows) {
        for (int i = 0; i < 3; i++) {
            free.add(new Chunk(chunkRows));
        }
    }

    void writer(Future<?> writer) {
        this.writer = writer;
    }

    /** The stopped writer is the reason to stop reading. */
    static final class WriterStopped extends RuntimeException {
        WriterStopped() {
            super("the writer stopped", null, false, false);
        }
    }

    /** Reader: an empty chunk to fill. */
    Chunk empty() throws InterruptedException {
        while (true) {
            Chunk chunk = free.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (chunk != null) {
                return chunk;
            }
            checkWriter();
        }
    }

    /** Reader: hands a filled chunk (or {@link #END}) to the writer. */
    void fill(Chunk chunk) throws InterruptedException {
        while (!full.offer(chunk, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            checkWriter();
        }
    }

    /** Reader: tells a writer still running to roll back. */
    void abort() throws InterruptedException {
        while (!writer.isDone() && !full.offer(ABORT, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            // the writer is busy; it takes the marker once it is done with the chunk in hand
        }
    }

    void checkWriter() {
        if (writer != null && writer.isDone()) {
            throw new WriterStopped();
        }
    }

    /** Writer: the next chunk, {@link #END} or {@link #ABORT}. */
    Chunk next() throws InterruptedException {
        return full.take();
    }

    /** Writer: gives a stored chunk back for filling. */
    void recycle(Chunk chunk) {
        chunk.clear();
        free.add(chunk);
    }
}
