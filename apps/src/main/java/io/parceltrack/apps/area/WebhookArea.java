package io.parceltrack.apps.area;

import io.grpc.BindableService;
import io.parceltrack.apps.config.WebhookSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.RetrySchedule;
import io.parceltrack.grpc.ManagerWebhooksGrpcService;
import io.parceltrack.port.out.webhook.WebhookAlerts;
import io.parceltrack.service.WebhookDeliveryService;
import io.parceltrack.service.WebhookDispatchWorker;
import io.parceltrack.service.WebhookEndpointService;
import io.parceltrack.service.WebhookEnqueueService;
import io.parceltrack.webhooks.HttpWebhookSender;
import io.parceltrack.webhooks.WebhookSenderSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Webhooks for managers' systems: the endpoints managers register over REST, and the sending side
 * (events in from the transport, the durable schedule, a sender on threads of its own). An app may
 * play either part or both (standalone).
 */
public final class WebhookArea {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Assembly assembly;
    private final ParcelData data;
    private final WebhookSettings settings;
    /** Wakes this process's sender, once it exists, when webhooks were just scheduled. */
    private final AtomicReference<Runnable> wakeSender = new AtomicReference<>(() -> {});
    private final WebhookEndpointService endpoints;

    public WebhookArea(Assembly assembly, ParcelData data) {
        this.assembly = assembly;
        this.data = data;
        this.settings = assembly.settings().webhooks();
        this.endpoints = new WebhookEndpointService(rules(), data.webhooks().endpoints(), data.webhooks().schedule(),
                data.webhooks().attempts(),
                new WebhookEndpointService.Limits(settings.maxEndpointsPerManager(), settings.rotationGrace()),
                assembly.clock(), new SecureRandom(), () -> wakeSender.get().run());
    }

    /** What managers do with their endpoints (the REST API, the manager bot). */
    public WebhookEndpointService endpoints() {
        return endpoints;
    }

    /** The managers' webhooks for the manager bot over gRPC (served beside the parcels-manager RPCs). */
    public BindableService grpcService() {
        return new ManagerWebhooksGrpcService(endpoints);
    }

    /**
     * Schedules the webhooks every parcel event from {@code events} means, and sends them, telling
     * managers through {@code alerts} when an endpoint is disabled. Finished deliveries and old
     * attempts are forgotten after the configured time.
     */
    public void deliverFrom(EventTransport events, WebhookAlerts alerts) {
        WebhookData webhooks = data.webhooks();
        HttpWebhookSender sender = new HttpWebhookSender(new WebhookSenderSettings(rules(), settings.connectTimeout(),
                settings.readTimeout(), settings.totalTimeout(), settings.maxResponseBytes()));
        WebhookDeliveryService delivery = new WebhookDeliveryService(webhooks.endpoints(), webhooks.schedule(),
                webhooks.attempts(), sender, alerts,
                new WebhookDeliveryService.Policy(
                        new RetrySchedule(settings.firstRetry(), settings.maxRetryDelay(), settings.retryWindow(), 0.2),
                        settings.disableAfter(),
                        // A claimed webhook is left to its sender for longer than one attempt can last.
                        settings.totalTimeout().plus(settings.connectTimeout()).plusSeconds(30)),
                assembly.clock(), new SecureRandom());
        WebhookDispatchWorker worker = new WebhookDispatchWorker(delivery, settings.senders(), settings.pollInterval());
        wakeSender.set(worker::wakeUp);
        assembly.add(Component.of("webhook sender", () -> {
            sender.start();
            worker.start();
        }, () -> {
            worker.stop(STOP_GRACE);
            sender.close();
        }));
        events.webhooks(new WebhookEnqueueService(webhooks.endpoints(), webhooks.schedule(), data.parcels(),
                assembly.clock(), () -> wakeSender.get().run()));
        assembly.add(new Housekeeping(assembly.clock())
                .every("webhook delivery attempts", settings.keepAttempts(), webhooks.attempts()::forgetBefore)
                .every("finished webhook deliveries", settings.keepAttempts(), webhooks.schedule()::forgetFinishedBefore));
    }

    private DestinationRules rules() {
        return new DestinationRules(settings.allowPlainHttp(), settings.allowPrivateAddresses());
    }
}
