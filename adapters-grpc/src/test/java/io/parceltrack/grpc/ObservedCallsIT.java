package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.port.in.account.AccountUseCases;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Calls over a real socket, both ends observed: each ends once per side with its service, method
 * and code; and the health question readiness asks is answered SERVING only while a server runs.
 */
class ObservedCallsIT {
    private record Ended(GrpcCallObserver.Side side, String service, String method, Status.Code code) {}

    private final List<Ended> ended = new CopyOnWriteArrayList<>();
    private final GrpcCallObserver observer = (side, service, method, code, elapsed) -> {
        assertThat(elapsed.isNegative()).isFalse();
        ended.add(new Ended(side, service, method, code));
    };

    @Test
    void eachCallIsReportedOnceOnEachSideWithItsCode() throws Exception {
        InMemoryCoreServices core = new InMemoryCoreServices();
        GrpcServerHost host = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0),
                core.grpcServices(), RunningGrpcServer.PLAINTEXT, List.of(ObservedCalls.server(observer)));
        host.start();
        GrpcClientSettings settings = GrpcClientSettings.defaults();
        ManagedChannel channel = ClientChannels.open("127.0.0.1:" + host.port(), settings,
                TransportSecurity.plaintext(), GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES, List.of(ObservedCalls.client(observer)));
        try {
            AccountUseCases accounts = new AccountGrpcClient(channel, settings);
            TelegramId stranger = Fixtures.newId();
            assertThat(accounts.isUserRegistered(stranger)).isFalse();
            assertThatThrownBy(() -> accounts.getUser(stranger)).isInstanceOf(NotFoundException.class);

            awaitEnded(4);
            assertThat(ended).extracting(Ended::side).containsExactlyInAnyOrder(
                    GrpcCallObserver.Side.SERVER, GrpcCallObserver.Side.CLIENT,
                    GrpcCallObserver.Side.SERVER, GrpcCallObserver.Side.CLIENT);
            assertThat(ended).allSatisfy(call -> assertThat(call.service()).isEqualTo("parceltrack.account.User"));
            assertThat(ended).filteredOn(call -> call.code() == Status.Code.OK).hasSize(2);
            assertThat(ended).filteredOn(call -> call.code() == Status.Code.NOT_FOUND).hasSize(2);
            assertThat(RemoteHealth.isServing(channel, Duration.ofSeconds(5))).isTrue();
        } finally {
            host.stop(Duration.ofSeconds(5));
        }
        assertThat(RemoteHealth.isServing(channel, Duration.ofSeconds(2))).as("after the server stopped").isFalse();
        ClientChannels.close(channel, Duration.ofSeconds(5));
    }

    private void awaitEnded(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ended.size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
