package io.parceltrack.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.DeliveryPublisherContract;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.ParcelEventPublisherContract;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryEventBusTest {
    private final InMemoryEventBus bus = new InMemoryEventBus(4, 8,
            new PartitionedDispatcher.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    private final List<ParcelEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());

    InMemoryEventBusTest() {
        bus.onParcelEvent(events::add);
        bus.onDelivery(deliveries::add);
    }

    @AfterEach
    void close() {
        bus.close();
    }

    private <T> List<T> await(List<T> received, int atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Nested
    class AsParcelEventPublisher extends ParcelEventPublisherContract {
        @Override
        protected ParcelEventPublisher publisher() {
            return bus;
        }

        @Override
        protected List<ParcelEvent> receivedEvents(int atLeast, Duration timeout) throws Exception {
            return await(events, atLeast, timeout);
        }
    }

    @Nested
    class AsDeliveryPublisher extends DeliveryPublisherContract {
        @Override
        protected DeliveryPublisher publisher() {
            return bus;
        }

        @Override
        protected List<Delivery> receivedDeliveries(int atLeast, Duration timeout) throws Exception {
            return await(deliveries, atLeast, timeout);
        }
    }

    @Test
    void retriesAFailingHandlerUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<ParcelEvent> handled = Collections.synchronizedList(new ArrayList<>());
        bus.onParcelEvent(event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("transient");
            }
            handled.add(event);
        });
        ParcelEvent event = Fixtures.event(Fixtures.newTrackNumber(), Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT));

        bus.publishEvents(List.of(event));

        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(handled).containsExactly(event);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void keepsRetryingWhileADependencyIsUnavailable() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<ParcelEvent> handled = Collections.synchronizedList(new ArrayList<>());
        bus.onParcelEvent(event -> {
            if (attempts.incrementAndGet() <= 6) {
                throw new io.parceltrack.port.out.UnavailableException("Telegram unreachable", null);
            }
            handled.add(event);
        });
        ParcelEvent event = Fixtures.event(Fixtures.newTrackNumber(), Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT));

        bus.publishEvents(List.of(event));

        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(attempts).hasValue(7);
        assertThat(handled).containsExactly(event);
    }

    @Test
    void givesUpAfterTheLastAttemptAndCarriesOn() throws Exception {
        bus.onParcelEvent(event -> {
            if (event.parcelName().equals("poison")) {
                throw new IllegalStateException("always fails");
            }
        });
        ParcelEvent poison = new ParcelEvent(io.parceltrack.domain.notification.EventId.random(new java.util.Random()),
                Fixtures.newTrackNumber(), "poison", Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT), Fixtures.T0);
        ParcelEvent fine = Fixtures.event(poison.trackNumber(), Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT));

        bus.publishEvents(List.of(poison, fine));

        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly(poison, fine);
    }
}
