package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgbenchTest {
    @Test
    void theTransactionsDueInTheUnmeasuredStartAreLeftOut() {
        // Due at 0 s, 0.5 s and 1.2 s after the first (ended = due + latency).
        List<TransactionLog> done = List.of(
                TransactionLog.parse("0 1 300000 0 100 300000"),
                TransactionLog.parse("1 1 2000 0 100 502000"),
                TransactionLog.parse("0 2 3000 0 101 203000"));

        assertThat(Pgbench.latencyNanos(done, Duration.ofSeconds(1))).containsExactly(3_000_000L);
        assertThat(Pgbench.latencyNanos(done, Duration.ZERO)).containsExactlyInAnyOrder(300_000_000L, 2_000_000L, 3_000_000L);
    }
}
