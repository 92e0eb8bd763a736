package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outbox remembers the trace of the request that recorded each event. */
class TracedEventsTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final ManagerParcelService service =
            new ManagerParcelService(database, database, new TestClock(T0), new SecureRandom());
    private final TelegramId manager = Fixtures.newId();

    @Test
    void aCheckpointsEventCarriesTheTraceOfItsRequest() {
        Parcel parcel = service.addParcel(new AddParcelCommand(manager, Fixtures.details("Lamp")));
        TraceContext request = TraceContext.start();

        try (CurrentTrace.Scope ignored = CurrentTrace.enter(request)) {
            service.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                    Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)));
        }
        service.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                Fixtures.checkpoint(T0.plusSeconds(1), ParcelStatus.DELIVERED)));

        assertThat(outbox()).extracting(ParcelEvent::trace).containsExactly(request.traceparent(), null);
    }

    @Test
    void aDeletionsEventCarriesTheTraceOfItsRequest() {
        Parcel parcel = service.addParcel(new AddParcelCommand(manager, Fixtures.details("Chair")));
        TraceContext request = TraceContext.start();

        try (CurrentTrace.Scope ignored = CurrentTrace.enter(request)) {
            service.deleteParcel(manager, parcel.trackNumber());
        }

        assertThat(outbox()).singleElement().extracting(ParcelEvent::knownTrace).isEqualTo(Optional.of(request.traceparent()));
    }

    private List<ParcelEvent> outbox() {
        List<ParcelEvent> events = new ArrayList<>();
        database.drain(1000, events::addAll);
        return events;
    }
}
