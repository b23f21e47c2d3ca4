package io.kam.projection.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.AsyncCache;
import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers kept as the JSON bytes served, each under a key that names everything the answer depends on, the
 * projection's journal position read before it included: a key whose position moved is simply another key, so an
 * event applied (on this instance or any other, since the position is read from the database) makes the next request
 * compute the answer again, never the reverse. An answer is computed at most once at a time per key: concurrent
 * requests for it wait for that one computation rather than repeating it. Bounded by the bytes kept
 * ({@code maxBytes}), least recently used out first; {@link #forgetAll()} empties it.
 *
 * @param <K> the key, a record naming the answer's inputs and the position read
 */
final class ServedJson<K> {

    /** An answer as served, with its strong ETag (a hash of its key, the same on every instance). */
    record Served(String etag, byte[] json) {
    }

    private final JsonMapper json;
    private final @Nullable AsyncCache<K, Served> kept;

    /** @param maxBytes the most bytes kept; 0 or less keeps nothing (every answer is computed, still with its ETag) */
    ServedJson(JsonMapper json, long maxBytes) {
        this.json = json;
        this.kept = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((K key, Served served) -> served.json().length).buildAsync();
    }

    /** The ETag an answer under {@code key} has, known before (and without) computing the answer. */
    static String etagOf(Object key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The kept answer under {@code key}, or the one {@code answer} computes now (once, whoever else asks). */
    Served get(K key, Supplier<?> answer) {
        if (kept == null) {
            return new Served(etagOf(key), json.writeValueAsBytes(answer.get()));
        }
        CompletableFuture<Served> mine = new CompletableFuture<>();
        CompletableFuture<Served> theirs = kept.asMap().putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Served served = new Served(etagOf(key), json.writeValueAsBytes(answer.get()));
            mine.complete(served);
            return served;
        } catch (RuntimeException | Error e) {
            kept.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many answers are kept now. */
    long kept() {
        if (kept == null) {
            return 0;
        }
        kept.synchronous().cleanUp();
        return kept.synchronous().estimatedSize();
    }

    /** Forgets every kept answer (a rebuild that swaps the tables calls it once the new ones are in place). */
    void forgetAll() {
        if (kept != null) {
            kept.synchronous().invalidateAll();
        }
    }
}
