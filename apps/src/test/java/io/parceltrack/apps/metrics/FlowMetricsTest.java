package io.parceltrack.apps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.OutboxBacklog;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.PublishException;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The flow's counters count what the ports really did, and the outbox gauges stay cheap. */
class FlowMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlowMetrics flow = new FlowMetrics(registry);

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    @Test
    void countsOnlyCheckpointsTheUnitOfWorkStored() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        Parcel parcel = Fixtures.parcel(new TelegramId(501));
        database.insertParcel(parcel);
        RecordCheckpointPort counted = flow.checkpoints(database);
        var checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT);

        counted.recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint));
        assertThat(counted.recordCheckpoint(Fixtures.parcel(new TelegramId(502)).trackNumber(),
                current -> Fixtures.recordFor(current, checkpoint))).isEmpty();
        assertThatThrownBy(() -> counted.recordCheckpoint(parcel.trackNumber(), current -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(count(FlowMetrics.CHECKPOINTS)).isEqualTo(1);
    }

    @Test
    void countsRelayedEventsOnlyOnceTheBrokerAcceptedThem() {
        var events = List.of(Fixtures.event(Fixtures.parcel(new TelegramId(503)).trackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT)));
        ParcelEventPublisher failing = batch -> {
            throw new PublishException("broker down", null);
        };
        assertThatThrownBy(() -> flow.relayed(failing).publishEvents(events)).isInstanceOf(PublishException.class);
        flow.relayed(batch -> {}).publishEvents(events);
        flow.relayed(batch -> {}).publishEvents(List.of(events.get(0), events.get(0)));
        flow.relayed(batch -> {}).publishEvents(List.of());

        assertThat(count(FlowMetrics.EVENTS_RELAYED)).isEqualTo(3);
        assertThat(count(FlowMetrics.BATCHES_RELAYED)).as("one per accepted, non-empty batch").isEqualTo(2);
    }

    @Test
    void outboxGaugesLookAtMostOncePerRefreshAndKeepTheLastAnswerWhenALookFails() {
        TestClock clock = new TestClock(Fixtures.T0);
        Deque<Optional<OutboxBacklog.Backlog>> answers = new ArrayDeque<>(List.of(
                Optional.of(new OutboxBacklog.Backlog(4, Fixtures.T0.minusSeconds(30))),
                Optional.empty(),
                Optional.of(OutboxBacklog.Backlog.EMPTY)));
        int[] looks = new int[1];
        OutboxGauges.register(registry, () -> {
            looks[0]++;
            return answers.removeFirst().orElseThrow(() -> new IllegalStateException("database down"));
        }, clock);

        assertThat(registry.get(OutboxGauges.EVENTS).gauge().value()).isEqualTo(4);
        assertThat(registry.get(OutboxGauges.OLDEST_AGE).gauge().value()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(2));
        assertThat(registry.get(OutboxGauges.OLDEST_AGE).gauge().value()).as("cached, yet older").isEqualTo(32);
        assertThat(looks[0]).isEqualTo(1);

        clock.advance(OutboxGauges.REFRESH);
        assertThat(registry.get(OutboxGauges.EVENTS).gauge().value()).as("the look failed: the last answer").isEqualTo(4);
        clock.advance(OutboxGauges.REFRESH);
        assertThat(registry.get(OutboxGauges.EVENTS).gauge().value()).isZero();
        assertThat(registry.get(OutboxGauges.OLDEST_AGE).gauge().value()).isZero();
        assertThat(looks[0]).isEqualTo(3);
    }
}
