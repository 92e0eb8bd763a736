package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatiosTest {
    @Test
    void theRatioIsTheMedianOfEachRoundsRatioNotTheRatioOfMedians() {
        Ratios ratios = new Ratios();
        ratios.add(100, 200);
        ratios.add(300, 400);
        ratios.add(90, 100);

        assertThat(ratios.ours().median()).isEqualTo(100);
        assertThat(ratios.anchor().median()).isEqualTo(200);
        assertThat(ratios.ratio().median()).isCloseTo(0.75, within(1e-9));
        assertThat(ratios.ratio().min()).isCloseTo(0.5, within(1e-9));
        assertThat(ratios.ratio().max()).isCloseTo(0.9, within(1e-9));
    }
}
