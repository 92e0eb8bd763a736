package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parceltrack.bench.fleet.OverloadTally.Outcome;
import org.junit.jupiter.api.Test;

class OverloadTallyTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsEachRequestInItsSecondByOutcomeAndMergesTheSecondsIntoATotal() {
        OverloadTally tally = new OverloadTally(3);
        tally.answered(0, 201, 10 * MS, false);
        tally.answered(0, 201, 30 * MS, false);
        tally.answered(0, 503, 2 * MS, true);
        tally.answered(1, 429, 1 * MS, false);
        tally.answered(1, 500, 5 * MS, false);
        tally.timedOut(2);
        tally.failed(2);

        OverloadTally.Second first = tally.second(0);
        assertThat(first.requests()).isEqualTo(3);
        assertThat(first.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(first.count(Outcome.UNAVAILABLE)).isEqualTo(1);
        assertThat(first.answeredMillis(50)).isCloseTo(10, within(1e-9));
        assertThat(first.createdMillis(50)).isCloseTo(20, within(1e-9));
        assertThat(first.refusalsWithoutRetryAfter()).isZero();

        OverloadTally.Second second = tally.second(1);
        assertThat(second.count(Outcome.TOO_MANY)).isEqualTo(1);
        assertThat(second.count(Outcome.OTHER)).isEqualTo(1);
        assertThat(second.refusalsWithoutRetryAfter()).as("the 429 without Retry-After; a 500 is no refusal").isEqualTo(1);
        assertThat(second.createdMillis(99)).as("nothing accepted").isNaN();

        OverloadTally.Second third = tally.second(2);
        assertThat(third.count(Outcome.TIMED_OUT)).isEqualTo(1);
        assertThat(third.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(third.answeredMillis(50)).as("nothing answered").isNaN();

        OverloadTally.Second total = tally.total();
        assertThat(total.requests()).isEqualTo(7);
        assertThat(total.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(total.refusalsWithoutRetryAfter()).isEqualTo(1);
        assertThat(total.answeredMillis(100)).isCloseTo(30, within(1e-9));
        assertThat(total.answeredMillis(0)).isCloseTo(1, within(1e-9));
    }

    @Test
    void aRequestDueOutsideTheRunCountsInItsNearestSecond() {
        OverloadTally tally = new OverloadTally(2);
        tally.answered(5, 201, MS, false);
        tally.answered(-1, 201, MS, false);

        assertThat(tally.second(1).count(Outcome.CREATED)).isEqualTo(1);
        assertThat(tally.second(0).count(Outcome.CREATED)).isEqualTo(1);
    }

    @Test
    void manyLatenciesGrowTheStoreAndKeepTheirOrderStatistics() {
        OverloadTally tally = new OverloadTally(1);
        for (int i = 1; i <= 1000; i++) {
            tally.answered(0, 201, i * MS, false);
        }

        assertThat(tally.second(0).createdMillis(50)).isCloseTo(500.5, within(1e-9));
        assertThat(tally.second(0).createdMillis(99)).isCloseTo(990.01, within(1e-9));
    }
}
