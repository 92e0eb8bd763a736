package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import io.parceltrack.port.trace.CurrentTrace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a parcel event into the webhooks its manager's endpoints asked for, stored in the retry
 * schedule before the event counts as handled. Sending is left to {@link WebhookDeliveryService},
 * on threads of its own, so a slow endpoint never holds up the event stream or anything else on it.
 */
public final class WebhookEnqueueService implements EnqueueWebhooksUseCase {
    private final WebhookEndpointStore endpoints;
    private final WebhookSchedule schedule;
    private final ParcelStore parcels;
    private final Clock clock;
    private final Runnable deliveriesWaiting;

    /**
     * @param parcels where the owner of a parcel is looked up for events recorded before they carried it
     * @param deliveriesWaiting told when deliveries were scheduled, so a sender in this process starts at once
     */
    public WebhookEnqueueService(WebhookEndpointStore endpoints, WebhookSchedule schedule, ParcelStore parcels,
            Clock clock, Runnable deliveriesWaiting) {
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.parcels = parcels;
        this.clock = clock;
        this.deliveriesWaiting = deliveriesWaiting;
    }

    @Override
    public int enqueue(ParcelEvent event) {
        return enqueue(event, endpoints::findByManager);
    }

    /** Reads each manager's endpoints once per batch: a batch of many checkpoints is mostly a few managers'. */
    @Override
    public EnqueueWebhooksUseCase forBatch() {
        Map<TelegramId, List<WebhookEndpoint>> endpointsOf = new HashMap<>();
        return event -> enqueue(event, manager -> endpointsOf.computeIfAbsent(manager, endpoints::findByManager));
    }

    private int enqueue(ParcelEvent event, Function<TelegramId, List<WebhookEndpoint>> endpointsOf) {
        Optional<TelegramId> manager = event.knownManager()
                .or(() -> parcels.findParcel(event.trackNumber()).map(Parcel::owner));
        if (manager.isEmpty()) {
            return 0;
        }
        List<WebhookEndpoint> wanting = endpointsOf.apply(manager.get());
        if (wanting.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        // Each attempt, whenever it comes, continues the trace the event was scheduled within.
        String trace = CurrentTrace.traceparent();
        List<ScheduledDelivery> deliveries = new ArrayList<>();
        for (WebhookEventType type : WebhookEventType.of(event)) {
            WebhookMessage message = WebhookMessage.of(type, event);
            wanting.stream().filter(endpoint -> endpoint.wants(type))
                    .forEach(endpoint -> deliveries.add(ScheduledDelivery.fresh(endpoint.id(), message, now, trace)));
        }
        if (deliveries.isEmpty()) {
            return 0;
        }
        int added = schedule.enqueue(deliveries);
        deliveriesWaiting.run();
        return added;
    }
}
