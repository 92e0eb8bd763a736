package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.FlowMetrics;
import io.parceltrack.apps.metrics.KafkaMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.kafka.KafkaParcelEventPublisher;
import io.parceltrack.kafka.NotificationDeliveryConsumer;
import io.parceltrack.kafka.ParcelEventFanOutConsumer;
import io.parceltrack.kafka.WebhookEventConsumer;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.service.NotificationFanOutService;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Events on {@code parcel-events} and deliveries on {@code notification-deliveries}, through Kafka. */
final class KafkaEvents implements EventTransport {
    private static final Duration FAN_OUT_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration DELIVERY_STOP_GRACE = Duration.ofSeconds(60);

    private final Assembly assembly;
    private final KafkaWiring kafka;

    KafkaEvents(Assembly assembly) {
        this.assembly = assembly;
        this.kafka = new KafkaWiring(assembly.settings().kafka(), assembly.settings().security().kafka(),
                new KafkaMetrics(assembly.metrics().registry()));
        kafka.createTopicsOnStart(assembly.lifecycle());
    }

    @Override
    public ParcelEventPublisher eventPublisher() {
        KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(kafka.relayPublisher());
        assembly.lifecycle().add("parcel event producer", publisher);
        return publisher;
    }

    @Override
    public void fanOut(SubscriptionStore subscriptions) {
        int pageSize = assembly.settings().notifications().fanOutPageSize();
        // Reads a parcel's next page of subscribers while the consumer's thread publishes the current
        // one; one thread, as there is one consumer. Added first, so it stops after the consumer.
        ExecutorService pageReader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fan-out-page-reader");
            thread.setDaemon(true);
            return thread;
        });
        assembly.lifecycle().add("fan-out page reader", pageReader::shutdownNow);
        ParcelEventFanOutConsumer consumer = new ParcelEventFanOutConsumer(kafka.fanOutConsumer(),
                deliveries -> new NotificationFanOutService(subscriptions,
                        new FlowMetrics(assembly.metrics().registry()).fannedOut(deliveries), pageSize,
                        firstPageSize(pageSize), pageReader));
        assembly.add(Component.of("parcel event consumer", consumer::start, () -> consumer.stop(FAN_OUT_STOP_GRACE)));
        assembly.readyWhen("parcel event consumer", consumer::hasJoinedGroup);
    }

    /**
     * A tenth of a page: the first deliveries of a parcel followed by thousands leave after a read of
     * a few hundred rows, and the reader then fetches the full pages while they are published.
     */
    static int firstPageSize(int pageSize) {
        return Math.max(1, pageSize / 10);
    }

    @Override
    public void webhooks(EnqueueWebhooksUseCase enqueue) {
        WebhookEventConsumer consumer = new WebhookEventConsumer(kafka.webhookConsumer(), enqueue);
        assembly.add(Component.of("webhook event consumer", consumer::start, () -> consumer.stop(FAN_OUT_STOP_GRACE)));
        assembly.readyWhen("webhook event consumer", consumer::hasJoinedGroup);
    }

    @Override
    public void deliverTo(DeliverNotificationUseCase delivery) {
        NotificationDeliveryConsumer consumer = new NotificationDeliveryConsumer(
                kafka.deliveryConsumer(assembly.settings().notifications().parallelRecipients()), delivery);
        assembly.add(Component.of("delivery consumer", consumer::start, () -> consumer.stop(DELIVERY_STOP_GRACE)));
        assembly.readyWhen("delivery consumer", consumer::hasJoinedGroup);
    }
}
