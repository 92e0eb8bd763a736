package io.parceltrack.rest.track;

import java.time.Duration;

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

    /** A query parameter that is unknown, repeated, or out of its range. */
    static final class UnreadableAddress extends PageRefusal {
        /** Which part, as a phrase key and its values, so the page can name it in the reader's language. */
        private final String partKey;
        private final Object[] partValues;

        UnreadableAddress(String detail, String partKey, Object... partValues) {
            super(detail);
            this.partKey = partKey;
            this.partValues = partValues.clone();
        }

        String partKey() {
            return partKey;
        }

        Object[] partValues() {
            return partValues.clone();
        }
    }

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
