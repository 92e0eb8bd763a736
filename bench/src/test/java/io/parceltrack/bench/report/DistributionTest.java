package io.parceltrack.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void medianOfAnOddCountIsTheMiddleSample() {
        assertThat(Distribution.of(9, 1, 5).median()).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Distribution.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void percentilesInterpolateBetweenNeighbouringRanks() {
        Distribution distribution = Distribution.of(10, 20, 30, 40, 50);

        assertThat(distribution.percentile(25)).isEqualTo(20);
        assertThat(distribution.percentile(90)).isCloseTo(46, within(1e-9));
        assertThat(distribution.percentile(0)).isEqualTo(distribution.min()).isEqualTo(10);
        assertThat(distribution.percentile(100)).isEqualTo(distribution.max()).isEqualTo(50);
    }

    @Test
    void keepsTheCallersArrayUnsorted() {
        double[] samples = {3, 1, 2};

        Distribution.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(Distribution::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distribution.of(1).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
