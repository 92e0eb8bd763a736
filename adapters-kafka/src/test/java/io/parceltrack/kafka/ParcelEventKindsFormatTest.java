package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.proto.ProtoMapping;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Deletions and the owner and previous status travel on parcel-events; events written before them still read. */
class ParcelEventKindsFormatTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void readsBackACheckpointEventWithItsOwnerAndPreviousStatus() throws Exception {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ParcelEvent event = ParcelEvent.checkpointRecorded(EventId.random(RANDOM), parcel,
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT), Fixtures.T0);

        assertThat(BrokerMessageFormat.readEvent(BrokerMessageFormat.value(event))).isEqualTo(event);
    }

    @Test
    void readsBackADeletionWhichHasNoCheckpoint() throws Exception {
        ParcelEvent deleted = ParcelEvent.parcelDeleted(EventId.random(RANDOM), Fixtures.parcel(Fixtures.newId()), Fixtures.T0);

        ParcelEvent read = BrokerMessageFormat.readEvent(BrokerMessageFormat.value(deleted));

        assertThat(read).isEqualTo(deleted);
        assertThat(read.checkpoint()).isNull();
        assertThat(read.knownManager()).hasValue(deleted.manager());
    }

    @Test
    void readsAnEventWrittenBeforeKindsAsACheckpointWithoutOwner() throws Exception {
        byte[] old = ProtoMapping.toProto(Fixtures.event(Fixtures.newTrackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT))).toBuilder()
                .clearKind().clearManagerTelegramId().clearStatusBefore().build().toByteArray();

        ParcelEvent read = BrokerMessageFormat.readEvent(old);

        assertThat(read.isCheckpoint()).isTrue();
        assertThat(read.knownManager()).isEmpty();
        assertThat(read.statusBefore()).isEqualTo(ParcelStatus.UNKNOWN);
    }

    @Test
    void refusesACheckpointEventWithoutItsCheckpoint() {
        byte[] broken = ProtoMapping.toProto(Fixtures.event(Fixtures.newTrackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT))).toBuilder().clearCheckpoint().build().toByteArray();

        assertThatThrownBy(() -> BrokerMessageFormat.readEvent(broken)).isInstanceOf(UnreadableMessageException.class);
    }
}
