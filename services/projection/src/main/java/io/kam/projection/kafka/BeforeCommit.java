package io.kam.projection.kafka;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes held back for the current transaction and written just before it commits: the listeners' way to turn a
 * poll's many small writes into a few multi-row statements without leaving the transaction that applies the poll.
 * A transaction that rolls back drops what it held with everything else it did.
 */
public final class BeforeCommit {

    private BeforeCommit() {
    }

    /**
     * The holder bound to the current transaction under {@code key}, created on first use; {@code write} runs once
     * before the transaction commits (a failure there rolls the transaction back).
     */
    @SuppressWarnings("unchecked")
    public static <T> T held(Object key, Supplier<T> create, Consumer<T> write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("writes are held back only inside a transaction");
        }
        T held = (T) TransactionSynchronizationManager.getResource(key);
        if (held == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            held = created;
        }
        return held;
    }

    /** What is held under {@code key} in the current transaction, or {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> @org.jspecify.annotations.Nullable T current(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(key) : null;
    }
}
