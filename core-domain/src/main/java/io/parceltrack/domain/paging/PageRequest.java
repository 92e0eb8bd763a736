package io.parceltrack.domain.paging;

import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.Violations;

/** Which slice of a list to return: 1-based page number and page size. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;
    public static final String PAGE_FIELD = "page";
    public static final String SIZE_FIELD = "pageSize";

    public PageRequest {
        Violations violations = new Violations();
        if (page < 1 || page > MAX_PAGE) {
            violations.add(PAGE_FIELD, Kind.OUT_OF_RANGE, "must be between 1 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(SIZE_FIELD, Kind.OUT_OF_RANGE, "must be between 1 and " + MAX_SIZE);
        }
        violations.throwIfAny();
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    public static PageRequest firstDefault() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /** Rows to skip. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }
}
