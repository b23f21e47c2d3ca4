package io.kam.visits.api;

import java.util.List;

/** One page of a listing. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
