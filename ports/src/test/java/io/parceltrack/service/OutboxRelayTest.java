package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.PublishException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final List<ParcelEvent> published = Collections.synchronizedList(new ArrayList<>());

    private List<ParcelEvent> recordEvents(int count) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        List<ParcelEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Checkpoint checkpoint = Fixtures.checkpoint(T0.plusSeconds(i), ParcelStatus.IN_TRANSIT);
            events.add(database.recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint))
                    .orElseThrow().event());
        }
        return events;
    }

    @Test
    void relaysEverythingPendingInOrderAcrossBatches() {
        List<ParcelEvent> recorded = recordEvents(7);

        int relayed = new OutboxRelayService(database, published::addAll, 3).relayPending();

        assertThat(relayed).isEqualTo(7);
        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void aBrokerFailureKeepsTheEventsForLater() {
        List<ParcelEvent> recorded = recordEvents(2);
        ParcelEventPublisher down = events -> {
            throw new PublishException("broker down", null);
        };

        assertThatThrownBy(() -> new OutboxRelayService(database, down, 10).relayPending())
                .isInstanceOf(PublishException.class);
        new OutboxRelayService(database, published::addAll, 10).relayPending();

        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void theWorkerKeepsRetryingThroughAnOutage() throws Exception {
        List<ParcelEvent> recorded = recordEvents(3);
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        ParcelEventPublisher flaky = events -> {
            if (!brokerUp.get()) {
                throw new PublishException("broker down", null);
            }
            published.addAll(events);
        };

        try (OutboxRelayWorker worker = new OutboxRelayWorker(
                new OutboxRelayService(database, flaky, 10), Duration.ofMillis(20), Duration.ofMillis(50)).start()) {
            Thread.sleep(200);
            assertThat(published).isEmpty();
            brokerUp.set(true);
            awaitSize(published, 3);
        }

        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void aWakeUpRelaysWithoutWaitingForThePoll() throws Exception {
        try (OutboxRelayWorker worker = new OutboxRelayWorker(
                new OutboxRelayService(database, published::addAll, 10), Duration.ofMinutes(10), Duration.ofMinutes(10)).start()) {
            Thread.sleep(100);
            List<ParcelEvent> recorded = recordEvents(1);
            worker.wakeUp();
            awaitSize(published, 1);
            assertThat(published).containsExactlyElementsOf(recorded);
        }
    }

    @Test
    void aRoundThatDrainedTheOutboxIsNotFollowedByAnEmptyOne() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        OutboxRelayService relay = new OutboxRelayService(database, published::addAll, 10);
        try (OutboxRelayWorker worker = new OutboxRelayWorker(() -> {
            rounds.incrementAndGet();
            return relay.relayPending();
        }, Duration.ofMinutes(10), Duration.ofMinutes(10)).start()) {
            awaitValue(rounds, 1);
            recordEvents(3);
            worker.wakeUp();
            awaitSize(published, 3);
            Thread.sleep(200);
            // The first round at start, then one for the wake-up: nothing polls an outbox it just emptied.
            assertThat(rounds).hasValue(2);
        }
    }

    @Test
    void eventsRecordedWhileTheRelayLingersTravelInOneBatch() throws Exception {
        List<List<ParcelEvent>> batches = Collections.synchronizedList(new ArrayList<>());
        ParcelEventPublisher publisher = events -> {
            batches.add(List.copyOf(events));
            published.addAll(events);
        };
        try (OutboxRelayWorker worker = new OutboxRelayWorker(new OutboxRelayService(database, publisher, 10),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(300)).start()) {
            Thread.sleep(100);
            List<ParcelEvent> first = recordEvents(1);
            worker.wakeUp();
            // Idle before: the first event is not held back by the linger.
            awaitSize(published, 1);
            List<ParcelEvent> next = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                next.addAll(recordEvents(1));
                worker.wakeUp();
            }
            awaitSize(published, 4);
            assertThat(batches).containsExactly(first, next);
        }
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new OutboxRelayWorker(new OutboxRelayService(database, published::addAll, 10),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopsPromptly() throws Exception {
        OutboxRelayWorker worker = new OutboxRelayWorker(
                new OutboxRelayService(database, published::addAll, 10), Duration.ofMinutes(10), Duration.ofMinutes(10)).start();

        assertThat(worker.stop(Duration.ofSeconds(5))).isTrue();
    }

    private static void awaitValue(AtomicInteger value, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(value).hasValue(expected);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSize(size);
    }
}
