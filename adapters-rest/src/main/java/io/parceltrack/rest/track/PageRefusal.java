package io.parceltrack.rest.track;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the tracking page itself refuses before any use case runs: an address it cannot read, a
 * path under {@code /track} that is no page, a client over its request budget. Domain errors (an
 * invalid or unknown track number) stay domain exceptions; {@link PageFailureTranslator} answers both.
 */
abstract sealed class PageRefusal extends RuntimeException
        permits PageRefusal.UnreadableAddress, PageRefusal.NoSuchPage, PageRefusal.TooManyRequests {

    private PageRefusal(String message) {
        super(message, null, false, false);
    }

    /** Query parameters that are unknown, repeated, or out of their range: each of them. */
    static final class UnreadableAddress extends PageRefusal {
        private final List<Part> parts;

        UnreadableAddress(List<Part> parts) {
            super(parts.stream().map(Part::detail).collect(Collectors.joining("; ")));
            this.parts = List.copyOf(parts);
        }

        List<Part> parts() {
            return parts;
        }
    }

    /**
     * One unreadable part, in English for the problem document and as a phrase key with its values,
     * so that the page can name it in the reader's language.
     */
    record Part(String detail, String phraseKey, Object... phraseValues) {}

    static final class NoSuchPage extends PageRefusal {
        NoSuchPage() {
            super("there is no page at this address");
        }
    }

    static final class TooManyRequests extends PageRefusal {
        private final long retryAfterSeconds;

        TooManyRequests(Duration wait) {
            this(Math.max(1, (wait.toMillis() + 999) / 1000));
        }

        private TooManyRequests(long retryAfterSeconds) {
            super("too many requests from this address; retry in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
