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

/** Events and deliveries on the in-process bus of standalone mode. */
final class InProcessEvents implements EventTransport {
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
        bus.onParcelEvent(SpanNames.FAN_OUT, fanOut::fanOut);
    }

    @Override
    public void deliverTo(DeliverNotificationUseCase delivery) {
        bus.onDelivery(SpanNames.DELIVER, delivery::deliver);
    }

    @Override
    public void webhooks(EnqueueWebhooksUseCase enqueue) {
        bus.onParcelEvent(SpanNames.SCHEDULE_WEBHOOKS, enqueue::enqueue);
    }
}
