package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParcelTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final TelegramId OWNER = new TelegramId(1);

    private static Parcel newParcel() {
        ParcelDetails details = new ParcelDetails("Books", "Ann Lee", "Oslo, Storgata 1", NOW.plusSeconds(86_400), "");
        return Parcel.register(new TrackNumber("AB123456789"), details, OWNER, NOW);
    }

    private static Checkpoint at(long seconds, ParcelStatus status) {
        return new Checkpoint(NOW.plusSeconds(seconds), "Hub", "", status);
    }

    @Test
    void aNewParcelIsPendingWithoutCheckpoints() {
        Parcel parcel = newParcel();

        assertThat(parcel.status()).isEqualTo(ParcelStatus.PENDING);
        assertThat(parcel.lastCheckpointTime()).isEmpty();
        assertThat(parcel.createdAt()).isEqualTo(NOW);
    }

    @Test
    void takesTheStatusOfItsLatestCheckpoint() {
        Parcel parcel = newParcel().withCheckpoint(at(10, ParcelStatus.IN_TRANSIT));

        assertThat(parcel.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(parcel.lastCheckpointAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void aBackdatedCheckpointLeavesTheStatusAlone() {
        Parcel parcel = newParcel().withCheckpoint(at(10, ParcelStatus.IN_TRANSIT));

        Parcel after = parcel.withCheckpoint(at(5, ParcelStatus.PENDING));

        assertThat(after).isEqualTo(parcel);
    }

    @Test
    void aCheckpointAtTheSameTimeAsTheLatestWins() {
        Parcel parcel = newParcel().withCheckpoint(at(10, ParcelStatus.IN_TRANSIT));

        assertThat(parcel.withCheckpoint(at(10, ParcelStatus.DELIVERED)).status()).isEqualTo(ParcelStatus.DELIVERED);
    }

    @ParameterizedTest
    @EnumSource(value = ParcelStatus.class, names = {"DELIVERED", "CANCELED"})
    void rejectsCheckpointAfterAFinalStatus(ParcelStatus finalStatus) {
        Parcel closed = newParcel().withCheckpoint(at(10, finalStatus));

        assertThatThrownBy(() -> closed.withCheckpoint(at(20, ParcelStatus.IN_TRANSIT)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(finalStatus.name());
        assertThatThrownBy(() -> closed.withCheckpoint(at(5, ParcelStatus.IN_TRANSIT)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyItsOwnerMayTouchIt() {
        Parcel parcel = newParcel();

        assertThat(parcel.requireOwnedBy(OWNER)).isSameAs(parcel);
        assertThatThrownBy(() -> parcel.requireOwnedBy(new TelegramId(2))).isInstanceOf(AccessDeniedException.class);
    }
}
