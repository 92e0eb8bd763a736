package io.parceltrack.kafka;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The values of one fan-out page of {@value #PAGE} deliveries of one event, encoded as the
 * fan-out does ({@link DeliveryValues}: the shared fields once) against the full mapping per
 * delivery ({@link BrokerMessageFormat#value(Delivery)}), which it replaced on 2026-12-04 and must
 * stay byte-equal to. Both derive each delivery's id (MD5), as a real page must. Scores are per
 * delivery. In package {@code io.parceltrack.kafka} because both encoders are the adapter's own.
 */
public class DeliveryEncodingBenchmark extends InMemoryBenchmark {
    static final int PAGE = 5000;

    private final SplittableRandom random = new SplittableRandom(11);
    private TelegramId[] subscribers;
    private TrackNumber trackNumber;
    private Checkpoint checkpoint;

    @Setup
    public void page() {
        subscribers = new TelegramId[PAGE];
        for (int i = 0; i < PAGE; i++) {
            subscribers[i] = new TelegramId(100_000_000L + random.nextLong(7_000_000_000L));
        }
        trackNumber = TrackNumber.generate(random);
        checkpoint = new Checkpoint(Instant.now(), "Sorting centre, Kazan", "arrived", ParcelStatus.IN_TRANSIT);
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void sharedFieldsOnce(Blackhole blackhole) {
        ParcelEvent event = event();
        DeliveryValues values = new DeliveryValues();
        for (TelegramId subscriber : subscribers) {
            blackhole.consume(values.value(Delivery.of(event, subscriber)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void fullMappingEach(Blackhole blackhole) {
        ParcelEvent event = event();
        for (TelegramId subscriber : subscribers) {
            blackhole.consume(BrokerMessageFormat.value(Delivery.of(event, subscriber)));
        }
    }

    private ParcelEvent event() {
        return new ParcelEvent(EventId.random(random), trackNumber, "Phone case", checkpoint, Instant.now());
    }
}
