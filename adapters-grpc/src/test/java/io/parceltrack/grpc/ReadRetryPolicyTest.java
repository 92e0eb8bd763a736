package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.MethodDescriptor;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.UserGrpc;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadRetryPolicyTest {

    @Test
    void retriesExactlyTheReadsOfEveryService() {
        List<String> allMethods = Stream.of(
                        UserGrpc.getServiceDescriptor(), ManagerGrpc.getServiceDescriptor(),
                        ParcelsManagerGrpc.getServiceDescriptor(), ParcelsUserGrpc.getServiceDescriptor(),
                        ManagerWebhooksGrpc.getServiceDescriptor())
                .flatMap(service -> service.getMethods().stream())
                .map(MethodDescriptor::getFullMethodName)
                .toList();

        assertThat(retriedMethods(GrpcClientSettings.defaults()))
                .containsExactlyInAnyOrder(
                        "parceltrack.account.User/GetInfo", "parceltrack.account.User/IsRegistered",
                        "parceltrack.account.Manager/GetInfo", "parceltrack.account.Manager/IsRegistered",
                        "parceltrack.account.Manager/AuthenticateApiToken",
                        "parceltrack.parcels.manager.ParcelsManager/GetParcel", "parceltrack.parcels.manager.ParcelsManager/ListParcels",
                        "parceltrack.parcels.manager.ParcelsManager/GetCheckpoints",
                        "parceltrack.parcels.user.ParcelsUser/GetParcel", "parceltrack.parcels.user.ParcelsUser/GetCheckpoints",
                        "parceltrack.parcels.user.ParcelsUser/ListSubscriptions",
                        "parceltrack.webhooks.manager.ManagerWebhooks/ListWebhookEndpoints",
                        "parceltrack.webhooks.manager.ManagerWebhooks/ListWebhookDeliveries",
                        "parceltrack.webhooks.manager.ManagerWebhooks/ListEndpointDisabledNotices",
                        "parceltrack.webhooks.manager.ManagerWebhooks/MarkEndpointDisabledNoticeGiven")
                .allMatch(allMethods::contains);
    }

    @Test
    void retriesOnlyUnavailableWithTheSettingsBackoff() {
        GrpcClientSettings settings = new GrpcClientSettings(Duration.ofSeconds(3), 4, Duration.ofMillis(250), Duration.ofSeconds(2));

        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) methodConfig(settings).get("retryPolicy");

        assertThat(policy).containsEntry("maxAttempts", 4.0)
                .containsEntry("initialBackoff", "0.25s")
                .containsEntry("maxBackoff", "2.0s")
                .containsEntry("retryableStatusCodes", List.of("UNAVAILABLE"));
    }

    @Test
    void oneAttemptMeansNoRetryPolicy() {
        GrpcClientSettings once = new GrpcClientSettings(Duration.ofSeconds(3), 1, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(ReadRetryPolicy.serviceConfig(once)).isEmpty();
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new GrpcClientSettings(Duration.ZERO, 3, second, second))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new GrpcClientSettings(second, 0, second, second))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readAttempts");
        assertThatThrownBy(() -> new GrpcClientSettings(second, 6, second, second))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readAttempts");
        assertThatThrownBy(() -> new GrpcClientSettings(second, 3, second, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    }

    private static Map<?, ?> methodConfig(GrpcClientSettings settings) {
        List<?> configs = (List<?>) ReadRetryPolicy.serviceConfig(settings).get("methodConfig");
        assertThat(configs).hasSize(1);
        return (Map<?, ?>) configs.get(0);
    }

    private static List<String> retriedMethods(GrpcClientSettings settings) {
        return ((List<?>) methodConfig(settings).get("name")).stream()
                .map(name -> (Map<?, ?>) name)
                .map(name -> name.get("service") + "/" + name.get("method"))
                .toList();
    }
}
