package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.WebhookFixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.service.WebhookEnqueueService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhooks' consumer group on a real broker: every parcel event published before, during and
 * after a broker restart ends up in the retry schedule exactly once per webhook it means, and a
 * parcel's webhooks stay in order.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class WebhookEventConsumerIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KafkaTestBroker broker;
    private final String topic = "parcel-events-" + UUID.randomUUID();
    private final InMemoryParcelDatabase parcels = new InMemoryParcelDatabase();
    private final InMemoryWebhookDatabase webhooks = new InMemoryWebhookDatabase();
    private final TelegramId manager = Fixtures.newId();
    private final WebhookEndpoint endpoint = WebhookFixtures.endpoint(manager);

    WebhookEventConsumerIT(KafkaTestBroker broker) {
        this.broker = broker;
        broker.createTopic(topic, 3);
        webhooks.insert(endpoint, 10);
    }

    private WebhookEventConsumer consumer() {
        WebhookEnqueueService enqueue = new WebhookEnqueueService(webhooks, webhooks, parcels, Clock.systemUTC(), () -> {});
        return new WebhookEventConsumer(new WebhookConsumerSettings(broker.clientSettings(),
                TestSettings.consumer("webhooks-" + UUID.randomUUID()), TopicSettings.of(topic, 3, (short) 1)), enqueue);
    }

    private List<ParcelEvent> checkpoints(Parcel parcel, int count) {
        List<ParcelEvent> events = new ArrayList<>();
        Parcel current = parcel;
        for (int i = 0; i < count; i++) {
            var checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(events.size() + 1),
                    i % 2 == 0 ? ParcelStatus.IN_TRANSIT : ParcelStatus.PENDING);
            events.add(ParcelEvent.checkpointRecorded(EventId.random(RANDOM), current, checkpoint, Instant.now()));
            current = current.withCheckpoint(checkpoint);
        }
        return events;
    }

    /** Everything the schedule holds, walking each lane in order: claim its heads, finish them, repeat. */
    private List<ScheduledDelivery> drainSchedule() {
        List<ScheduledDelivery> all = new ArrayList<>();
        Instant now = Instant.now().plusSeconds(1);
        List<ScheduledDelivery> heads;
        while (!(heads = webhooks.claimDue(now, now.plusSeconds(60), 100, Set.of())).isEmpty()) {
            heads.forEach(delivery -> webhooks.finish(delivery, now));
            all.addAll(heads);
        }
        return all;
    }

    private static List<MessageId> expectedMessages(List<ParcelEvent> events) {
        List<MessageId> expected = new ArrayList<>();
        events.forEach(event -> WebhookEventType.of(event).forEach(type -> expected.add(MessageId.of(event.id(), type))));
        return expected;
    }

    @Test
    void schedulesEveryEventsWebhooksOnceThroughABrokerRestart() throws Exception {
        Parcel first = Fixtures.parcel(manager);
        Parcel second = Fixtures.parcel(manager);
        List<ParcelEvent> before = new ArrayList<>(checkpoints(first, 3));
        before.addAll(checkpoints(second, 3));
        List<ParcelEvent> after = new ArrayList<>(List.of(ParcelEvent.parcelDeleted(EventId.random(RANDOM),
                first.withCheckpoint(before.get(2).checkpoint()), Instant.now())));
        List<ParcelEvent> all = new ArrayList<>(before);
        all.addAll(after);

        try (WebhookEventConsumer consumer = consumer().start();
                KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, topic))) {
            publisher.publishEvents(before);
            // Published again, as a relay that crashed before marking them published would.
            publisher.publishEvents(before.subList(0, 2));
            broker.stop();
            try {
                Thread.sleep(2_000);
                assertThat(consumer.isRunning()).as("the consumer rides out the outage").isTrue();
            } finally {
                broker.start();
            }
            publisher.publishEvents(after);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<ScheduledDelivery> scheduled = new ArrayList<>();
            int expected = expectedMessages(all).size();
            while (scheduled.size() < expected && System.nanoTime() < deadline) {
                scheduled.addAll(drainSchedule());
                Thread.sleep(200);
            }
            Thread.sleep(1_000);
            scheduled.addAll(drainSchedule());

            assertThat(scheduled).extracting(delivery -> delivery.message().id())
                    .containsExactlyInAnyOrderElementsOf(expectedMessages(all));
            for (Parcel parcel : List.of(first, second)) {
                List<MessageId> ofParcel = expectedMessages(all.stream()
                        .filter(event -> event.trackNumber().equals(parcel.trackNumber())).toList());
                assertThat(scheduled.stream().filter(d -> d.message().orderingKey().equals(parcel.trackNumber().value()))
                        .map(d -> d.message().id()).toList()).as("in order").containsExactlyElementsOf(ofParcel);
            }
        }
    }

    @Test
    void aDeletedParcelsEventReachesItsManagersEndpointAlthoughTheParcelIsGone() throws Exception {
        Parcel parcel = Fixtures.parcel(manager);
        ParcelEvent deleted = ParcelEvent.parcelDeleted(EventId.random(RANDOM), parcel, Instant.now());

        try (WebhookEventConsumer consumer = consumer().start();
                KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, topic))) {
            publisher.publishEvents(List.of(deleted));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ScheduledDelivery> scheduled = new ArrayList<>();
            while (scheduled.isEmpty() && System.nanoTime() < deadline) {
                scheduled.addAll(drainSchedule());
                Thread.sleep(100);
            }

            assertThat(scheduled).singleElement().satisfies(delivery -> {
                assertThat(delivery.message().type()).isEqualTo("parcel.deleted");
                assertThat(delivery.message().body()).contains("\"parcel_track_number\":\"" + parcel.trackNumber().value() + "\"");
            });
        }
    }
}
