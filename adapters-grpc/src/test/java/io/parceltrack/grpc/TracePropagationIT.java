package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcels.manager.AddCheckpointRequest;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import io.parceltrack.service.ManagerParcelService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A call made within a trace carries it in its metadata; the server continues it while the use
 * case runs, so the event it records remembers the caller's trace id under the server's own span.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePropagationIT {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final RunningGrpcServer server = new RunningGrpcServer(List.of(new ParcelsManagerGrpcService(
            new ManagerParcelService(database, database, Clock.systemUTC(), new SecureRandom()))));
    private final ParcelsManagerGrpcClient client = new ParcelsManagerGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
    private final TelegramId manager = Fixtures.newId();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theServerWorksWithinTheCallersTrace() {
        Parcel parcel = client.addParcel(new AddParcelCommand(manager, Fixtures.details("Kettle")));
        TraceContext caller = TraceContext.start();

        try (CurrentTrace.Scope ignored = CurrentTrace.enter(caller)) {
            client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                    Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT)));
        }

        TraceContext recorded = TraceContext.parse(onlyEvent().trace()).orElseThrow();
        assertThat(recorded.traceId()).isEqualTo(caller.traceId());
        assertThat(recorded.spanId()).isNotEqualTo(caller.spanId());
    }

    @Test
    void aCallOutsideAnyTraceStaysOutside() {
        Parcel parcel = client.addParcel(new AddParcelCommand(manager, Fixtures.details("Kettle")));

        client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT)));

        assertThat(onlyEvent().trace()).isNull();
    }

    @Test
    void aMalformedTraceparentIsNotContinued() {
        Parcel parcel = client.addParcel(new AddParcelCommand(manager, Fixtures.details("Kettle")));
        Metadata forged = new Metadata();
        forged.put(ServerTraceInterceptor.TRACEPARENT, "00-" + "f".repeat(2000) + "-01");
        ParcelsManagerGrpc.ParcelsManagerBlockingStub raw = ParcelsManagerGrpc.newBlockingStub(server.channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(forged))
                .withDeadlineAfter(Duration.ofMinutes(1));

        raw.addCheckpoint(AddCheckpointRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setTrackNumber(parcel.trackNumber().value())
                .setCheckpoint(ProtoMapping.toProto(Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT)))
                .build());

        assertThat(onlyEvent().trace()).isNull();
    }

    private ParcelEvent onlyEvent() {
        List<ParcelEvent> events = new ArrayList<>();
        database.drain(100, events::addAll);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
