package io.parceltrack.bench.relay;

import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.KafkaClientSettings;
import io.parceltrack.kafka.KafkaParcelEventPublisher;
import io.parceltrack.kafka.KafkaTopicCreator;
import io.parceltrack.kafka.ParcelEventPublisherSettings;
import io.parceltrack.kafka.TopicSettings;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How long the outbox relay's publish takes when the relay is not busy: one call of
 * {@link KafkaParcelEventPublisher#publishEvents} (one Kafka transaction, acknowledged and
 * committed) for 1 and for 20 events, against a real broker started here, with a pause between
 * calls as between an idle relay's rounds. The end-to-end harness ({@code FleetBenchmark}) sees
 * this time inside its checkpoint → chat and fan-out figures, where a few ms drown in its noise;
 * here it is measured alone. Run it against two builds to compare them:
 *
 * <pre>java -cp bench/target/benchmarks.jar io.parceltrack.bench.relay.RelayPublishLatency [calls]</pre>
 */
public final class RelayPublishLatency {
    private static final int WARM_UP_CALLS = 200;
    private static final long PAUSE_MILLIS = 10;

    private RelayPublishLatency() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        SplittableRandom random = new SplittableRandom(5);
        try (KafkaTestBroker broker = KafkaTestBroker.startNew()) {
            KafkaClientSettings client = KafkaClientSettings.defaults(broker.bootstrapServers());
            new KafkaTopicCreator(client).createMissing(List.of(TopicSettings.parcelEvents()));
            try (KafkaParcelEventPublisher relay = new KafkaParcelEventPublisher(ParcelEventPublisherSettings.defaults(client))) {
                for (int events : new int[] {1, 20}) {
                    measure(relay, events, WARM_UP_CALLS, random);
                    Distribution millis = Distribution.of(measure(relay, events, calls, random));
                    System.out.printf("publishEvents, %d event(s), %d calls: p50 %s ms, p90 %s ms, p99 %s ms%n", events, calls,
                            Figures.format(millis.median()), Figures.format(millis.percentile(90)),
                            Figures.format(millis.percentile(99)));
                }
            }
        }
    }

    private static double[] measure(KafkaParcelEventPublisher relay, int events, int calls, SplittableRandom random)
            throws InterruptedException {
        double[] millis = new double[calls];
        for (int call = 0; call < calls; call++) {
            List<ParcelEvent> batch = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                batch.add(event(random));
            }
            long began = System.nanoTime();
            relay.publishEvents(batch);
            millis[call] = (System.nanoTime() - began) / 1e6;
            Thread.sleep(PAUSE_MILLIS);
        }
        return millis;
    }

    private static ParcelEvent event(SplittableRandom random) {
        Checkpoint checkpoint = new Checkpoint(Instant.now(), "Sorting centre, Kazan", "arrived", ParcelStatus.IN_TRANSIT);
        return new ParcelEvent(EventId.random(random), TrackNumber.generate(random), "Phone case", checkpoint, Instant.now());
    }
}
