package io.parceltrack.grpc;

import io.grpc.MethodDescriptor;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.UserGrpc;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which RPCs are idempotent reads, and the gRPC service config that retries exactly those on
 * UNAVAILABLE (the channel does the retrying, within each call's deadline). Methods are named
 * through the generated descriptors so that a renamed RPC cannot silently lose its retries.
 */
final class ReadRetryPolicy {
    static final List<MethodDescriptor<?, ?>> IDEMPOTENT_READS = List.of(
            UserGrpc.getGetInfoMethod(),
            UserGrpc.getIsRegisteredMethod(),
            ManagerGrpc.getGetInfoMethod(),
            ManagerGrpc.getIsRegisteredMethod(),
            ManagerGrpc.getAuthenticateApiTokenMethod(),
            ParcelsManagerGrpc.getGetParcelMethod(),
            ParcelsManagerGrpc.getListParcelsMethod(),
            ParcelsManagerGrpc.getGetCheckpointsMethod(),
            ParcelsUserGrpc.getGetParcelMethod(),
            ParcelsUserGrpc.getGetCheckpointsMethod(),
            ParcelsUserGrpc.getListSubscriptionsMethod(),
            ManagerWebhooksGrpc.getListWebhookEndpointsMethod(),
            ManagerWebhooksGrpc.getListWebhookDeliveriesMethod(),
            ManagerWebhooksGrpc.getListEndpointDisabledNoticesMethod(),
            // Marking a notice given twice is harmless.
            ManagerWebhooksGrpc.getMarkEndpointDisabledNoticeGivenMethod());

    private ReadRetryPolicy() {}

    /** The service config, in the JSON-like shape grpc-java takes (numbers as doubles). */
    static Map<String, ?> serviceConfig(GrpcClientSettings settings) {
        if (settings.readAttempts() == 1) {
            return Map.of();
        }
        List<Map<String, String>> names = IDEMPOTENT_READS.stream()
                .map(method -> Map.of(
                        "service", method.getServiceName(),
                        "method", method.getBareMethodName()))
                .toList();
        Map<String, Object> retryPolicy = Map.of(
                "maxAttempts", (double) settings.readAttempts(),
                "initialBackoff", seconds(settings.initialBackoff()),
                "maxBackoff", seconds(settings.maxBackoff()),
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)));
    }

    /** The service config's duration format: decimal seconds with an "s". */
    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + "s";
    }
}
