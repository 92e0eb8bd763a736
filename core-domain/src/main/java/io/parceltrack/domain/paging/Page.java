package io.parceltrack.domain.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One slice of a longer list, and whether another slice follows. */
public record Page<T>(List<T> items, PageRequest request, boolean hasNext) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
    }

    /**
     * Builds a page from up to {@code size + 1} rows: stores fetch one extra row to learn whether
     * a next page exists without counting the whole list.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, PageRequest request) {
        boolean more = rows.size() > request.size();
        return new Page<>(more ? rows.subList(0, request.size()) : rows, request, more);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, hasNext);
    }
}
