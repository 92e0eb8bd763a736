package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeferredOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);
    private static final long MS = 1_000_000L;

    private final DeferredOffsets deferred = new DeferredOffsets(Duration.ofMillis(500));

    @Test
    void keepsTheFurthestPositionOfEachPartition() {
        deferred.add(Map.of(P0, at(10), P1, at(3)), 0);
        deferred.add(Map.of(P0, at(25)), 1);
        deferred.add(Map.of(P0, at(20), P1, at(7)), 2);

        assertThat(deferred.takeAll()).isEqualTo(Map.of(P0, at(25), P1, at(7)));
        assertThat(deferred.isEmpty()).isTrue();
        assertThat(deferred.takeAll()).isEmpty();
    }

    @Test
    void isDueOnceTheOldestOffsetWaitedTheInterval() {
        assertThat(deferred.due(Long.MAX_VALUE)).as("nothing pending").isFalse();

        deferred.add(Map.of(P0, at(1)), 100 * MS);
        deferred.add(Map.of(P1, at(1)), 400 * MS);

        assertThat(deferred.due(599 * MS)).isFalse();
        assertThat(deferred.due(600 * MS)).as("the first offset's wait, not the last one's").isTrue();

        deferred.takeAll();
        deferred.add(Map.of(P0, at(2)), 700 * MS);
        assertThat(deferred.due(1_000 * MS)).as("the clock starts again once all were taken").isFalse();
        assertThat(deferred.due(1_200 * MS)).isTrue();
    }

    @Test
    void forgetsWhatACommitElsewhereCovered() {
        deferred.add(Map.of(P0, at(10), P1, at(30)), 0);

        deferred.coveredBy(Map.of(P0, at(12), P1, at(20)));

        assertThat(deferred.takeAll()).as("P1's own position is further than the transaction's").isEqualTo(Map.of(P1, at(30)));
    }

    @Test
    void givesUpTheOffsetsOfPartitionsOnRequest() {
        deferred.add(Map.of(P0, at(10), P1, at(30)), 0);

        assertThat(deferred.take(List.of(P1, new TopicPartition("events", 9)))).isEqualTo(Map.of(P1, at(30)));
        assertThat(deferred.takeAll()).isEqualTo(Map.of(P0, at(10)));
    }

    @Test
    void anEmptyAddDoesNotStartTheClock() {
        deferred.add(Map.of(), 0);
        deferred.add(Map.of(P0, at(1)), 450 * MS);

        assertThat(deferred.due(600 * MS)).isFalse();
    }

    @Test
    void refusesANegativeInterval() {
        assertThatThrownBy(() -> new DeferredOffsets(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static OffsetAndMetadata at(long offset) {
        return new OffsetAndMetadata(offset);
    }
}
