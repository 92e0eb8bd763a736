package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransactionLogTest {
    @Test
    void aClosedLoopLineGivesTheTransactionsDuration() {
        assertThat(TransactionLog.parse("0 199 2241 0 1175850568 995598")).isEqualTo(new TransactionLog(false, 2241, 1_175_850_568_993_357L));
    }

    @Test
    void anOpenLoopLineAddsHowLateTheTransactionStarted() {
        assertThat(TransactionLog.parse("3 17 1500 0 1175850569 12 800")).isEqualTo(new TransactionLog(false, 2300, 1_175_850_568_997_712L));
    }

    @Test
    void failedAndSkippedTransactionsAreNoLatency() {
        assertThat(TransactionLog.parse("0 200 failed 0 1175850569 15604").failed()).isTrue();
        assertThat(TransactionLog.parse("1 201 skipped 0 1175850569 15604 900").failed()).isTrue();
    }

    @Test
    void refusesWhatIsNoTransactionLine() {
        assertThatThrownBy(() -> TransactionLog.parse("tps = 1234.5")).isInstanceOf(IllegalArgumentException.class);
    }
}
