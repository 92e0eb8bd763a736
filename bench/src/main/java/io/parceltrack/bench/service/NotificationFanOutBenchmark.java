package io.parceltrack.bench.service;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.service.NotificationFanOutService;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One parcel event fanned out to {@value #SUBSCRIBERS} subscribers by
 * {@link NotificationFanOutService} over {@link InMemoryParcelDatabase}, with the production page
 * size, into a broker that accepts at once. Scores are per delivery ({@code 1e9 / score} is
 * deliveries per second). {@link #deliveryIdsOnly} isolates the derivation of the delivery ids
 * (a name-based UUID, i.e. MD5) that every delivery needs.
 */
public class NotificationFanOutBenchmark extends InMemoryBenchmark {
    static final int SUBSCRIBERS = 10_000;
    /** {@code parceltrack.notifications.fan-out-page-size}'s default. */
    static final int PAGE_SIZE = 5000;

    private final SplittableRandom random = new SplittableRandom(7);
    private CountingDeliveryPublisher publisher;
    private NotificationFanOutService fanOut;
    private TrackNumber trackNumber;
    private Checkpoint checkpoint;
    private TelegramId[] subscribers;

    @Setup
    public void subscribe() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        Instant now = Instant.now();
        Parcel parcel = Parcel.register(TrackNumber.generate(random), new ParcelDetails(
                "Phone case", "Anna Smirnova", "Kazan, Bauman st. 1", now.plus(Duration.ofDays(3)), ""),
                new TelegramId(1_000_001L), now);
        database.insertParcel(parcel);
        trackNumber = parcel.trackNumber();
        subscribers = new TelegramId[SUBSCRIBERS];
        for (int i = 0; i < SUBSCRIBERS; i++) {
            // Real Telegram ids: large and scattered, not 1..n.
            subscribers[i] = new TelegramId(100_000_000L + random.nextLong(7_000_000_000L));
            database.addSubscription(subscribers[i], trackNumber);
        }
        checkpoint = new Checkpoint(now, "Sorting centre, Kazan", "arrived", ParcelStatus.IN_TRANSIT);
        publisher = new CountingDeliveryPublisher();
        fanOut = new NotificationFanOutService(database, publisher, PAGE_SIZE);
    }

    @Benchmark
    @OperationsPerInvocation(SUBSCRIBERS)
    public int fanOutOneEvent() {
        ParcelEvent event = new ParcelEvent(EventId.random(random), trackNumber, "Phone case", checkpoint, Instant.now());
        int emitted = fanOut.fanOut(event);
        if (emitted != SUBSCRIBERS) {
            throw new IllegalStateException("fanned out to " + emitted + " of " + SUBSCRIBERS + " subscribers");
        }
        return emitted;
    }

    @Benchmark
    @OperationsPerInvocation(SUBSCRIBERS)
    public void deliveryIdsOnly(Blackhole blackhole) {
        EventId event = EventId.random(random);
        for (TelegramId subscriber : subscribers) {
            blackhole.consume(DeliveryId.of(event, subscriber));
        }
    }

    @TearDown
    public void checkEveryDeliveryWasPublished() {
        if (publisher.published() % SUBSCRIBERS != 0 || !publisher.lastBatch().stream()
                .allMatch(delivery -> delivery.trackNumber().equals(trackNumber))) {
            throw new IllegalStateException("the publisher saw " + publisher.published() + " deliveries");
        }
    }
}
