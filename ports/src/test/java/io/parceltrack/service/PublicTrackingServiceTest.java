package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.tracking.PublicParcelView;
import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PublicTrackingServiceTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final ManagerParcelService managers =
            new ManagerParcelService(database, database, Clock.fixed(T0, ZoneOffset.UTC), new SecureRandom());
    private final PublicTrackingService tracking = new PublicTrackingService(database);
    private final TelegramId manager = Fixtures.newId();

    private Parcel parcelWithCheckpoints(int count) {
        Parcel parcel = managers.addParcel(new AddParcelCommand(manager, Fixtures.details("Phone case")));
        for (int i = 0; i < count; i++) {
            managers.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                    new Checkpoint(T0.plus(Duration.ofHours(i)), "Hub " + i, "step " + i, ParcelStatus.IN_TRANSIT)));
        }
        return parcel;
    }

    @Test
    void showsNameStatusForecastAndTheRequestedPageOfCheckpointsNewestFirst() {
        Parcel parcel = parcelWithCheckpoints(5);

        PublicParcelView view = tracking.trackParcel(parcel.trackNumber(), new PageRequest(1, 2));

        assertThat(view.trackNumber()).isEqualTo(parcel.trackNumber());
        assertThat(view.name()).isEqualTo("Phone case");
        assertThat(view.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(view.forecastDate()).isEqualTo(parcel.details().forecastDate());
        assertThat(view.checkpoints().items()).extracting(Checkpoint::place).containsExactly("Hub 4", "Hub 3");
        assertThat(view.checkpoints().hasNext()).isTrue();
        assertThat(tracking.trackParcel(parcel.trackNumber(), new PageRequest(3, 2)).checkpoints().items())
                .extracting(Checkpoint::place).containsExactly("Hub 0");
    }

    @Test
    void aPagePastTheLastIsEmptyNotAnError() {
        Parcel parcel = parcelWithCheckpoints(1);

        PublicParcelView view = tracking.trackParcel(parcel.trackNumber(), new PageRequest(7, 10));

        assertThat(view.checkpoints().items()).isEmpty();
        assertThat(view.checkpoints().hasNext()).isFalse();
        assertThat(view.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
    }

    @Test
    void aNewParcelIsPendingWithNoHistory() {
        Parcel parcel = parcelWithCheckpoints(0);

        PublicParcelView view = tracking.trackParcel(parcel.trackNumber(), PageRequest.firstDefault());

        assertThat(view.status()).isEqualTo(ParcelStatus.PENDING);
        assertThat(view.checkpoints().items()).isEmpty();
    }

    @Test
    void anAbsentParcelIsNotFound() {
        assertThatThrownBy(() -> tracking.trackParcel(Fixtures.newTrackNumber(), PageRequest.firstDefault()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
    }

    @Test
    void theViewCannotCarryTheRecipientTheAddressTheDescriptionOrTheOwner() {
        Parcel parcel = parcelWithCheckpoints(1);

        PublicParcelView view = tracking.trackParcel(parcel.trackNumber(), PageRequest.firstDefault());

        assertThat(Arrays.stream(PublicParcelView.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("trackNumber", "name", "status", "forecastDate", "checkpoints");
        assertThat(view.toString()).doesNotContain(parcel.details().recipient(), parcel.details().arrivalAddress(),
                parcel.details().description());
    }
}
