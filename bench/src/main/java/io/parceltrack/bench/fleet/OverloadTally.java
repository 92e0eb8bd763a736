package io.parceltrack.bench.fleet;

import java.util.Arrays;

/**
 * What an open-loop overload got back, second by second: each request is counted in the second it
 * was due, by outcome (201, 429, 503, another status, no answer within the client timeout, a broken
 * connection), with the latencies of the answered ones and whether every refusal said when to come
 * back ({@code Retry-After}). Safe to fill from many load threads.
 */
final class OverloadTally {
    enum Outcome { CREATED, TOO_MANY, UNAVAILABLE, OTHER, TIMED_OUT, FAILED }

    private final Second[] seconds;

    OverloadTally(int seconds) {
        this.seconds = new Second[seconds];
        for (int i = 0; i < seconds; i++) {
            this.seconds[i] = new Second();
        }
    }

    static Outcome outcomeOf(int status) {
        return switch (status) {
            case 201 -> Outcome.CREATED;
            case 429 -> Outcome.TOO_MANY;
            case 503 -> Outcome.UNAVAILABLE;
            default -> Outcome.OTHER;
        };
    }

    /** An answer to a request due in {@code second}, {@code latencyNanos} after it was due. */
    void answered(int second, int status, long latencyNanos, boolean retryAfter) {
        at(second).answered(outcomeOf(status), latencyNanos, retryAfter);
    }

    void timedOut(int second) {
        at(second).unanswered(Outcome.TIMED_OUT);
    }

    void failed(int second) {
        at(second).unanswered(Outcome.FAILED);
    }

    int length() {
        return seconds.length;
    }

    Second second(int index) {
        return seconds[index];
    }

    /** Every second taken together. */
    Second total() {
        Second total = new Second();
        for (Second second : seconds) {
            total.add(second);
        }
        return total;
    }

    private Second at(int second) {
        return seconds[Math.max(0, Math.min(seconds.length - 1, second))];
    }

    /** One second's (or a whole run's) counts and latencies. */
    static final class Second {
        private final long[] counts = new long[Outcome.values().length];
        private long refusalsWithoutRetryAfter;
        private long[] answeredNanos = new long[64];
        private int answered;
        private long[] createdNanos = new long[64];
        private int created;

        synchronized void answered(Outcome outcome, long latencyNanos, boolean retryAfter) {
            counts[outcome.ordinal()]++;
            if ((outcome == Outcome.TOO_MANY || outcome == Outcome.UNAVAILABLE) && !retryAfter) {
                refusalsWithoutRetryAfter++;
            }
            answeredNanos = append(answeredNanos, answered++, latencyNanos);
            if (outcome == Outcome.CREATED) {
                createdNanos = append(createdNanos, created++, latencyNanos);
            }
        }

        synchronized void unanswered(Outcome outcome) {
            counts[outcome.ordinal()]++;
        }

        synchronized long count(Outcome outcome) {
            return counts[outcome.ordinal()];
        }

        /** Every request due in this second, whatever became of it. */
        synchronized long requests() {
            return Arrays.stream(counts).sum();
        }

        /** 429s and 503s that did not say when to come back. */
        synchronized long refusalsWithoutRetryAfter() {
            return refusalsWithoutRetryAfter;
        }

        /** A percentile of the answered requests' latencies in ms (NaN when none was answered). */
        synchronized double answeredMillis(double percentile) {
            return percentileMillis(answeredNanos, answered, percentile);
        }

        /** A percentile of the accepted (201) requests' latencies in ms (NaN when none was accepted). */
        synchronized double createdMillis(double percentile) {
            return percentileMillis(createdNanos, created, percentile);
        }

        private synchronized void add(Second other) {
            synchronized (other) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += other.counts[i];
                }
                refusalsWithoutRetryAfter += other.refusalsWithoutRetryAfter;
                for (int i = 0; i < other.answered; i++) {
                    answeredNanos = append(answeredNanos, answered++, other.answeredNanos[i]);
                }
                for (int i = 0; i < other.created; i++) {
                    createdNanos = append(createdNanos, created++, other.createdNanos[i]);
                }
            }
        }

        private static long[] append(long[] values, int at, long value) {
            long[] into = at == values.length ? Arrays.copyOf(values, values.length * 2) : values;
            into[at] = value;
            return into;
        }

        private static double percentileMillis(long[] nanos, int count, double percentile) {
            return count == 0 ? Double.NaN : LoadResult.distribution(nanos, count).percentile(percentile);
        }
    }
}
