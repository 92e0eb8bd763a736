package io.parceltrack.grpc;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.Violations;
import io.parceltrack.proto.ProtoMapping;
import java.util.function.Supplier;

/**
 * Reads the raw fields of one request into domain values, through the domain's own parsing, and
 * collects every violation before failing: a request with a zero telegram id and a malformed track
 * number hears about both. Use one per request; each read returns {@code null} for a bad field, so
 * call {@link #requireValid()} before using the values.
 */
final class RequestReader {
    private final Violations violations = new Violations();

    TelegramId telegramId(long raw) {
        return violations.capture(() -> new TelegramId(raw));
    }

    TrackNumber trackNumber(String raw) {
        return violations.capture(() -> TrackNumber.parse(raw));
    }

    /** An absent page, or absent numbers in it, mean the first page of the default size. */
    PageRequest page(boolean present, io.parceltrack.proto.parcel.PageRequest raw) {
        return violations.capture(() -> ProtoMapping.toDomain(present, raw));
    }

    /** Any other domain parse that reports its problems as {@code InvalidInputException}. */
    <T> T read(Supplier<T> parse) {
        return violations.capture(parse);
    }

    /** @throws io.parceltrack.domain.error.InvalidInputException listing every bad field read so far */
    void requireValid() {
        violations.throwIfAny();
    }
}
