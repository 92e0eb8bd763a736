package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointEffectTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private static Parcel inTransitAt(long seconds) {
        ParcelDetails details = new ParcelDetails("Books", "Ann Lee", "Oslo, Storgata 1", NOW.plusSeconds(86_400), "");
        return Parcel.register(new TrackNumber("AB123456789"), details, new TelegramId(1), NOW)
                .withCheckpoint(at(seconds, ParcelStatus.IN_TRANSIT));
    }

    private static Checkpoint at(long seconds, ParcelStatus status) {
        return new Checkpoint(NOW.plusSeconds(seconds), "Hub", "", status);
    }

    @Test
    void aCheckpointOnTimeGivesTheParcelItsStatus() {
        CheckpointEffect effect = CheckpointEffect.of(inTransitAt(10), at(20, ParcelStatus.DELIVERED));

        assertThat(effect).isEqualTo(new CheckpointEffect(ParcelStatus.DELIVERED, false));
    }

    @Test
    void aBackDatedCheckpointIsLateAndLeavesTheStatusAsItWas() {
        CheckpointEffect effect = CheckpointEffect.of(inTransitAt(7200), at(0, ParcelStatus.DELIVERED));

        assertThat(effect).isEqualTo(new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
    }

    @Test
    void aCheckpointAtTheSameTimeAsTheLatestIsNotLate() {
        CheckpointEffect effect = CheckpointEffect.of(inTransitAt(10), at(10, ParcelStatus.CANCELED));

        assertThat(effect).isEqualTo(new CheckpointEffect(ParcelStatus.CANCELED, false));
    }

    @Test
    void isRefusedLikeTheCheckpointAfterAFinalStatus() {
        Parcel delivered = inTransitAt(10).withCheckpoint(at(20, ParcelStatus.DELIVERED));

        assertThatThrownBy(() -> CheckpointEffect.of(delivered, at(30, ParcelStatus.IN_TRANSIT)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void presumesTheCheckpointsOwnStatusOnTimeForMessagesWithoutAnEffect() {
        assertThat(CheckpointEffect.presumed(at(0, ParcelStatus.PENDING)))
                .isEqualTo(new CheckpointEffect(ParcelStatus.PENDING, false));
    }

    @Test
    void neverCarriesAnUnknownStatus() {
        assertThatThrownBy(() -> new CheckpointEffect(ParcelStatus.UNKNOWN, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
