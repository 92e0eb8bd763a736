package io.parceltrack.apps.area;

import io.grpc.BindableService;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SecuritySettings;
import io.parceltrack.apps.metrics.FlowMetrics;
import io.parceltrack.apps.metrics.OutboxGauges;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.apps.wiring.HttpWiring;
import io.parceltrack.grpc.ParcelsManagerGrpcService;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.rest.CachedTokenAuthentication;
import io.parceltrack.rest.FailedAuthenticationLimit;
import io.parceltrack.rest.ManagerApi;
import io.parceltrack.rest.RouteGroup;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.OutboxRelayService;
import io.parceltrack.service.OutboxRelayWorker;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Managers' parcels: the use cases on the parcels data, their gRPC and REST faces, and the relay
 * that carries the outbox of parcel events to the event transport.
 */
public final class ManagerParcelArea {
    /** Idempotency keys are kept this long beyond their time to live. */
    public static final Duration KEEP_BOOKKEEPING = Duration.ofDays(7);
    private static final Duration RELAY_STOP_GRACE = Duration.ofSeconds(30);

    private final Assembly assembly;
    private final ParcelData data;
    private final ManagerParcelService service;

    public ManagerParcelArea(Assembly assembly, ParcelData data) {
        this.assembly = assembly;
        this.data = data;
        this.service = new ManagerParcelService(data.parcels(),
                new FlowMetrics(assembly.metrics().registry()).checkpoints(data.checkpoints()), assembly.clock(),
                new SecureRandom());
    }

    public ManagerParcelService service() {
        return service;
    }

    public BindableService grpcService() {
        return new ParcelsManagerGrpcService(service);
    }

    /** Relays the outbox to {@code publisher}, oldest event first, for as long as the app runs. */
    public void relayEventsTo(ParcelEventPublisher publisher) {
        AppSettings.Outbox outbox = assembly.settings().outbox();
        OutboxRelayWorker relay = new OutboxRelayWorker(
                new OutboxRelayService(data.outbox(), new FlowMetrics(assembly.metrics().registry()).relayed(publisher),
                        outbox.batchSize()),
                outbox.pollInterval(), outbox.maxBackoff(), outbox.linger());
        data.outbox().onRecorded(relay::wakeUp);
        OutboxGauges.register(assembly.metrics().registry(), data.backlog(), assembly.clock());
        assembly.add(Component.of("outbox relay", relay::start, () -> relay.stop(RELAY_STOP_GRACE)));
    }

    /**
     * The manager REST API v1 (with {@code webhooks} for its webhook routes), its callers authenticated
     * by {@code tokens} (successful checks reused for the token cache's time to live); old idempotency
     * keys are forgotten hourly.
     */
    public RouteGroup restApi(AuthenticateApiTokenUseCase tokens, WebhookEndpointsUseCase webhooks) {
        AppSettings.Http http = assembly.settings().http();
        assembly.add(new Housekeeping(assembly.clock())
                .every("idempotency keys", http.idempotencyTtl().plus(KEEP_BOOKKEEPING), data.idempotency()::forgetClaimedBefore));
        AuthenticateApiTokenUseCase cached =
                new CachedTokenAuthentication(tokens, http.tokenCacheTtl(), http.tokenCacheSize(), assembly.clock());
        SecuritySettings.FailedAuthentication failures = assembly.settings().security().failedAuthentication();
        return new ManagerApi(service, webhooks, cached, data.idempotency(), http.idempotencyKeyQuota(),
                new FailedAuthenticationLimit(failures.perMinute(), failures.trackedAddresses(), failures.trustedProxies()),
                assembly.clock(), HttpWiring.settings(http));
    }
}
