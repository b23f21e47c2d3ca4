package io.kam.sellthrough.rows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Inputs for the readers' property tests, drawn from a {@link Random} with a fixed seed: each try is one seed, so a
 * failure names the seed and the input, and running that seed again gives the same input. Sizes are bounded.
 */
final class Gen {

    private final Random random;

    Gen(long seed) {
        this.random = new Random(seed);
    }

    /** The seeds of a property's tries: 1 to {@code tries}, the same on every run. */
    static LongStream seeds(int tries) {
        return LongStream.rangeClosed(1, tries);
    }

    /** Runs one try; any failure or exception is rethrown naming the seed and the input it was given. */
    static void check(long seed, String input, Try body) {
        try {
            body.run();
        } catch (Throwable failure) {
            throw new AssertionError("seed " + seed + " failed on " + input + ": " + failure, failure);
        }
    }

    @FunctionalInterface
    interface Try {
        void run() throws Exception;
    }

    /** From {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    long between(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    boolean bool() {
        return random.nextBoolean();
    }

    /** True {@code weight} times in {@code outOf}. */
    boolean chance(int weight, int outOf) {
        return random.nextInt(outOf) < weight;
    }

    @SafeVarargs
    final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int size = between(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** Up to {@code maxSize} bytes, each from {@code next}; short more often than long, as edge cases are. */
    byte[] bytes(int maxSize, Supplier<Byte> next) {
        byte[] bytes = new byte[size(maxSize)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = next.get();
        }
        return bytes;
    }

    byte anyByte() {
        return (byte) random.nextInt(256);
    }

    /** Up to {@code maxLength} characters, each one of {@code chars}. */
    String string(String chars, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = size(maxLength); i > 0; i--) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** Up to {@code maxLength} characters of any kind: printable ASCII, control characters, any other char (a lone
     * surrogate included), now and then a character beyond the BMP (two chars, counted as one). */
    String anyString(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = size(maxLength); i > 0; i--) {
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> text.append((char) between(0x20, 0x7E));
                case 4 -> text.append((char) between(0x00, 0x1F));
                case 5, 6, 7, 8 -> text.append((char) between(0x7F, 0xFFFF));
                default -> text.appendCodePoint(between(0x10000, Character.MAX_CODE_POINT));
            }
        }
        return text.toString();
    }

    /** A size up to {@code max}: half the time up to a tenth of it (at least 3), so small inputs are common. */
    private int size(int max) {
        return between(0, bool() ? Math.min(max, Math.max(3, max / 10)) : max);
    }

    /** An input as a failure message shows it: bytes in hex, text with anything but printable ASCII escaped. */
    static String show(Object input) {
        return switch (input) {
            case null -> "null";
            case byte[] bytes -> "bytes[" + bytes.length + "] " + HexFormat.of().formatHex(bytes);
            case String text -> quoted(text);
            case List<?> list -> list.stream().map(Gen::show).toList().toString();
            default -> input.toString();
        };
    }

    private static String quoted(String text) {
        StringBuilder shown = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                shown.append(c);
            } else {
                shown.append(String.format("\\u%04x", (int) c));
            }
        }
        return shown.append('"').toString();
    }
}
