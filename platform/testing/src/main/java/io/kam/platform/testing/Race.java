package io.kam.platform.testing;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Two writers released at the same instant on real threads, for tests of concurrent edits: both calls wait at a
 * barrier and go together, so the server sees them as close together as two clients can make it.
 */
public final class Race implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** Runs both at once and returns what each answered, in the order given. */
    public <T> List<T> run(Supplier<T> first, Supplier<T> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> a = threads.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return first.get();
        });
        Future<T> b = threads.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return second.get();
        });
        try {
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("a writer of the race did not answer", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
