package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.FlowMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.memory.InMemoryEventBus;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.service.NotificationFanOutService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events and deliveries on the in-process bus of standalone mode. The bus carries each event's
 * trace to its handlers, and the fan-out's to the deliveries, so the lines logged here (the same
 * as the Kafka consumers') carry the trace id of the request that recorded the checkpoint.
 */
final class InProcessEvents implements EventTransport {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEvents.class);
    private final Assembly assembly;
    private final InMemoryEventBus bus = new InMemoryEventBus();

    InProcessEvents(Assembly assembly) {
        this.assembly = assembly;
        assembly.add(Component.of("in-process event bus", () -> {}, bus::close));
    }

    @Override
    public ParcelEventPublisher eventPublisher() {
        return bus;
    }

    @Override
    public void fanOut(SubscriptionStore subscriptions) {
        NotificationFanOutService fanOut = new NotificationFanOutService(
                subscriptions, new FlowMetrics(assembly.metrics().registry()).fannedOut(bus),
                assembly.settings().notifications().fanOutPageSize());
        bus.onParcelEvent(SpanNames.FAN_OUT, event -> {
            int deliveries = fanOut.fanOut(event);
            LOG.info("event {} of parcel {}: {} deliveries", event.id(), event.trackNumber(), deliveries);
        });
    }

    @Override
    public void deliverTo(DeliverNotificationUseCase delivery) {
        bus.onDelivery(SpanNames.DELIVER, sent -> LOG.info("delivery {} to {}: {}", sent.id(), sent.recipient(),
                delivery.deliver(sent)));
    }

    @Override
    public void webhooks(EnqueueWebhooksUseCase enqueue) {
        bus.onParcelEvent(SpanNames.SCHEDULE_WEBHOOKS, enqueue::enqueue);
    }
}
