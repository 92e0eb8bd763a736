package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every server an app runs offers besides our services: health and reflection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcServerHostIT {
    private final RunningGrpcServer server = new RunningGrpcServer(new InMemoryCoreServices().grpcServices());

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theHealthServiceReportsTheServerAndEachServiceServing() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(server.channel)
                .withDeadlineAfter(Duration.ofSeconds(10));

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(server.host.serviceNames()).containsExactly(
                "parceltrack.account.User", "parceltrack.account.Manager",
                "parceltrack.parcels.manager.ParcelsManager", "parceltrack.parcels.user.ParcelsUser",
                "parceltrack.webhooks.manager.ManagerWebhooks");
        for (String service : server.host.serviceNames()) {
            HealthCheckRequest request = HealthCheckRequest.newBuilder().setService(service).build();
            assertThat(health.check(request).getStatus()).as(service).isEqualTo(ServingStatus.SERVING);
        }
    }

    @Test
    void reflectionListsTheServicesSoToolsNeedNoProtoFiles() throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = ReflectionCall.listServices(server.channel);

        List<String> listed = answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName)
                .toList();

        assertThat(listed).containsAll(server.host.serviceNames()).contains("grpc.health.v1.Health");
    }

    @Test
    void aTakenPortIsReportedWithTheAddress() {
        InetSocketAddress taken = new InetSocketAddress("127.0.0.1", server.host.port());

        assertThatThrownBy(() -> new GrpcServerHost(taken, List.of(), RunningGrpcServer.PLAINTEXT).start())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot serve gRPC on")
                .hasMessageContaining(Integer.toString(server.host.port()));
    }
}
