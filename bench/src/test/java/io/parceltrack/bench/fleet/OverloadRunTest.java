package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverloadRunTest {
    private static OverloadRun.Tick tick(double seconds, double rss) {
        return new OverloadRun.Tick(seconds, new ProcessMemory.Sample(rss, rss / 2), 0);
    }

    @Test
    void memoryIsBoundedWhenTheSecondHalfPeaksNoHigherThanTheFirstPlusSlack() {
        OverloadRun.MemoryVerdict flat = OverloadRun.MemoryVerdict.of(List.of(tick(1, 300), tick(2, 320), tick(3, 330), tick(4, 325)));
        OverloadRun.MemoryVerdict growing = OverloadRun.MemoryVerdict.of(List.of(tick(1, 300), tick(2, 320), tick(3, 400), tick(4, 420)));

        assertThat(flat.firstHalfRss()).isEqualTo(320);
        assertThat(flat.secondHalfRss()).isEqualTo(330);
        assertThat(flat.peakRss()).isEqualTo(330);
        assertThat(flat.peakHeap()).isEqualTo(165);
        assertThat(flat.bounded()).isTrue();
        assertThat(growing.bounded()).as("420 > 320 * 1.1 + 32").isFalse();
        assertThat(OverloadRun.MemoryVerdict.of(List.of()).bounded()).as("no samples prove nothing").isFalse();
    }

    @Test
    void recoveryIsTheFirstAcceptedProbeAndTheFirstAtNormalLatency() {
        List<OverloadRun.Probe> probes = List.of(
                new OverloadRun.Probe(0.1, 503, 1),
                new OverloadRun.Probe(0.4, 201, 900),
                new OverloadRun.Probe(0.7, 201, 40),
                new OverloadRun.Probe(12, 201, 10),
                new OverloadRun.Probe(13, 201, 20));

        OverloadRun.Recovery recovery = OverloadRun.Recovery.of(probes, 50);

        assertThat(recovery.firstAccepted()).isEqualTo(0.4);
        assertThat(recovery.firstNormal()).isEqualTo(0.7);
        assertThat(recovery.accepted()).isEqualTo(4);
        assertThat(recovery.lastTenSecondsMedian()).as("the probes after 3 s").isCloseTo(15, within(1e-9));
        assertThat(OverloadRun.Recovery.of(List.of(new OverloadRun.Probe(1, 503, 1)), 50).firstNormal()).isNaN();
    }

    @Test
    void normalLatencyIsTwiceOneClientsP99WithTenMillisecondsOfSlackAtLeast() {
        assertThat(OverloadRun.normalLatency(4)).isEqualTo(14);
        assertThat(OverloadRun.normalLatency(30)).isEqualTo(60);
    }
}
