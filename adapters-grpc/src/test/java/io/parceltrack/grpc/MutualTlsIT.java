package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.parceltrack.grpc.tls.CertificateAuthority;
import io.parceltrack.grpc.tls.ClusterCertificates;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.RegisterManagerRequest;
import io.parceltrack.proto.account.RegisterUserRequest;
import io.parceltrack.proto.account.TelegramIdRequest;
import io.parceltrack.proto.account.UserGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks a server running all four services over mutual TLS on a real socket, the way an intruder
 * on the network or a compromised app would: without a certificate, with one from another CA, in
 * plaintext, and as an app calling what it has no business calling.
 */
class MutualTlsIT {
    /** Every app of the fleet; notification-service calls no RPC at all. */
    private static final List<String> APPS = List.of("account-service", "parcels-manager-service",
            "parcels-user-service", "notification-service", "user-bot", "manager-bot");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path certs;
    @TempDir
    static Path rogueCerts;

    private static InMemoryCoreServices core;
    private static GrpcServerHost server;
    private static String target;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final Map<String, ManagedChannel> byApp = new HashMap<>();

    @BeforeAll
    static void startServer() throws IOException {
        ClusterCertificates.write(certs, APPS.stream().map(app -> new ClusterCertificates.App(app, List.of())).toList(),
                Duration.ofDays(1));
        // Another CA, whose "manager-bot" certificate looks right but was never issued by ours.
        ClusterCertificates.write(rogueCerts, List.of(new ClusterCertificates.App("manager-bot", List.of())), Duration.ofDays(1));
        core = new InMemoryCoreServices();
        server = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), core.grpcServices(),
                new GrpcServerOptions(tls(certs, "account-service"), false, GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES))
                .start();
        target = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeChannels() {
        channels.forEach(channel -> ClientChannels.close(channel, Duration.ofSeconds(5)));
    }

    private static TransportSecurity tls(Path dir, String app) {
        return TransportSecurity.mutualTls(ClusterCertificates.certificate(dir, app), ClusterCertificates.privateKey(dir, app),
                dir.resolve(ClusterCertificates.CA_CERTIFICATE));
    }

    private ManagedChannel channel(String to, TransportSecurity security) {
        ManagedChannel channel = ClientChannels.open(to, RunningGrpcServer.SETTINGS, security,
                GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES);
        channels.add(channel);
        return channel;
    }

    private ManagedChannel as(String app) {
        return byApp.computeIfAbsent(app, name -> channel(target, tls(certs, name)));
    }

    /** Calls {@code method} with an empty request and tells how it ended. */
    private static Status.Code call(ManagedChannel channel, MethodDescriptor<?, ?> method) {
        return callWith(channel, method, prototypeOf(method));
    }

    @SuppressWarnings("unchecked")
    private static <Q, R> Status.Code callWith(ManagedChannel channel, MethodDescriptor<Q, R> method, Object request) {
        try {
            ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(
                    DEADLINE.toMillis(), TimeUnit.MILLISECONDS), (Q) request);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    private static Object prototypeOf(MethodDescriptor<?, ?> method) {
        return ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
    }

    private static List<MethodDescriptor<?, ?>> everyMethod() {
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
        for (ServiceDescriptor service : CallerPermissions.SERVICES) {
            methods.addAll(service.getMethods());
        }
        return methods;
    }

    @Test
    void everyRpcOfEveryServiceIsInThePermissionTable() {
        assertThat(server.serviceNames()).containsExactlyInAnyOrderElementsOf(
                CallerPermissions.SERVICES.stream().map(ServiceDescriptor::getName).toList());
        assertThat(everyMethod()).hasSize(24).allSatisfy(method ->
                assertThat(CallerPermissions.callersOf(method.getFullMethodName())).as(method.getFullMethodName())
                        .isNotEmpty()
                        .allSatisfy(caller -> assertThat(APPS).contains(caller)));
    }

    @Test
    void everyRpcRefusesEveryAppThatHasNoBusinessCallingIt() {
        int refused = 0;
        for (MethodDescriptor<?, ?> method : everyMethod()) {
            for (String app : APPS) {
                Status.Code code = call(as(app), method);
                if (CallerPermissions.allows(app, method.getFullMethodName())) {
                    assertThat(code).as(app + " calling " + method.getFullMethodName()).isNotEqualTo(Status.Code.PERMISSION_DENIED)
                            .isNotEqualTo(Status.Code.UNAVAILABLE);
                } else {
                    assertThat(code).as(app + " calling " + method.getFullMethodName()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    refused++;
                }
            }
        }
        // 24 RPCs, each allowed to one of the six apps.
        assertThat(refused).isEqualTo(24 * 5);
    }

    @Test
    void onlyTheManagerBotMayIssueTokensAndOnlyTheRestSideMayCheckThem() {
        assertThat(call(as("user-bot"), ManagerGrpc.getIssueApiTokenMethod())).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(call(as("parcels-manager-service"), ManagerGrpc.getRotateApiTokenMethod()))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(call(as("manager-bot"), ManagerGrpc.getAuthenticateApiTokenMethod()))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(call(as("user-bot"), UserGrpc.getGetInfoMethod())).isNotEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aRefusedWriteChangesNothing() {
        RegisterManagerRequest register = RegisterManagerRequest.newBuilder().setTelegramId(424242)
                .setFullName("Mallory Intruder").setEmail("mallory@example.com").setPhone("+15550100").build();
        TelegramIdRequest who = TelegramIdRequest.newBuilder().setTelegramId(424242).build();

        assertThat(callWith(as("user-bot"), ManagerGrpc.getRegisterMethod(), register)).isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(ManagerGrpc.newBlockingStub(as("manager-bot")).withDeadlineAfter(DEADLINE).isRegistered(who).getRegistered())
                .isFalse();
        assertThat(callWith(as("manager-bot"), ManagerGrpc.getRegisterMethod(), register)).isEqualTo(Status.Code.OK);
        assertThat(ManagerGrpc.newBlockingStub(as("manager-bot")).withDeadlineAfter(DEADLINE).isRegistered(who).getRegistered())
                .isTrue();
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() throws IOException {
        // TLS that trusts our CA but has no certificate of its own to show.
        ManagedChannel noCertificate = io.grpc.Grpc.newChannelBuilder(target, io.grpc.TlsChannelCredentials.newBuilder()
                .trustManager(certs.resolve(ClusterCertificates.CA_CERTIFICATE).toFile()).build()).build();
        channels.add(noCertificate);
        assertRefused(noCertificate);
    }

    @Test
    void aPlaintextClientIsRefused() {
        assertRefused(channel(target, TransportSecurity.plaintext()));
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedEvenIfItNamesAnAllowedApp() {
        // The rogue client trusts our CA so that only the server's check can stop it.
        TransportSecurity rogue = TransportSecurity.mutualTls(ClusterCertificates.certificate(rogueCerts, "manager-bot"),
                ClusterCertificates.privateKey(rogueCerts, "manager-bot"), certs.resolve(ClusterCertificates.CA_CERTIFICATE));
        assertRefused(channel(target, rogue));
    }

    @Test
    void theClientRefusesAServerWhoseCertificateDoesNotNameTheHostItDialled() {
        // The server's certificate names account-service, localhost and 127.0.0.1, not the host this client means.
        ManagedChannel byAuthority = io.grpc.Grpc.newChannelBuilder(target, tls(certs, "manager-bot").channelCredentials())
                .overrideAuthority("parcels-user-service.elsewhere:" + server.port())
                .build();
        channels.add(byAuthority);
        assertRefused(byAuthority);
    }

    @Test
    void theClientRefusesAServerOfAnotherCa() throws IOException {
        GrpcServerHost impostor = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), core.grpcServices(),
                new GrpcServerOptions(TransportSecurity.mutualTls(ClusterCertificates.certificate(rogueCerts, "manager-bot"),
                        ClusterCertificates.privateKey(rogueCerts, "manager-bot"),
                        certs.resolve(ClusterCertificates.CA_CERTIFICATE)), false, GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES))
                .start();
        try {
            assertRefused(channel("127.0.0.1:" + impostor.port(), tls(certs, "manager-bot")));
        } finally {
            impostor.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anyAppOfTheClusterMayAskForHealthButReflectionIsOffUnlessAskedFor() throws Exception {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(as("notification-service")).withDeadlineAfter(DEADLINE);
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);

        CompletableFuture<ServerReflectionResponse> answer = ReflectionCall.listServices(as("manager-bot"));
        ExecutionException failure = catchThrowableOfType(() -> answer.get(10, TimeUnit.SECONDS), ExecutionException.class);
        assertThat(Status.fromThrowable(failure.getCause()).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedBeforeItIsRead() {
        GrpcServerHost small = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), core.grpcServices(),
                new GrpcServerOptions(tls(certs, "account-service"), false, 4096)).start();
        try {
            ManagedChannel channel = channel("127.0.0.1:" + small.port(), tls(certs, "user-bot"));
            RegisterUserRequest huge = RegisterUserRequest.newBuilder().setTelegramId(7).setFullName("x".repeat(8192)).build();
            assertThat(callWith(channel, UserGrpc.getRegisterMethod(), huge)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            RegisterUserRequest fits = RegisterUserRequest.newBuilder().setTelegramId(7).setFullName("x".repeat(1000)).build();
            assertThat(callWith(channel, UserGrpc.getRegisterMethod(), fits)).isNotEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        } finally {
            small.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void plaintextWorksOnlyBetweenAPlaintextServerAndClient() {
        GrpcServerHost plaintext = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), core.grpcServices(),
                new GrpcServerOptions(TransportSecurity.plaintext(), false, GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES)).start();
        try {
            String to = "127.0.0.1:" + plaintext.port();
            assertThat(callWith(channel(to, TransportSecurity.plaintext()), UserGrpc.getIsRegisteredMethod(),
                    TelegramIdRequest.newBuilder().setTelegramId(77).build())).isEqualTo(Status.Code.OK);
            // A TLS client never falls back to plaintext.
            assertRefused(channel(to, tls(certs, "user-bot")));
        } finally {
            plaintext.stop(Duration.ofSeconds(5));
        }
    }

    /** Neither a health check nor an RPC gets through: the connection itself fails. */
    private static void assertRefused(ManagedChannel channel) {
        assertThatThrownBy(() -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE)
                        .check(HealthCheckRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(call(channel, ManagerGrpc.getIsRegisteredMethod())).isEqualTo(Status.Code.UNAVAILABLE);
    }
}
