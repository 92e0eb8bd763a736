package io.parceltrack.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredPrecisionTest {
    private static final Instant WITH_NANOS = Instant.parse("2026-05-01T12:00:00.123456789Z");
    private static final Instant MICROS = Instant.parse("2026-05-01T12:00:00.123456Z");

    @Test
    void instantsEnterTheModelAtMicrosecondPrecision() {
        Checkpoint checkpoint = new Checkpoint(WITH_NANOS, "", "", ParcelStatus.IN_TRANSIT);
        ParcelDetails details = new ParcelDetails("Box", "Bob", "Main St", WITH_NANOS, "");
        Parcel parcel = Parcel.register(new TrackNumber("AB123456789"), details, new TelegramId(1), WITH_NANOS)
                .withCheckpoint(checkpoint);

        assertThat(checkpoint.time()).isEqualTo(MICROS);
        assertThat(details.forecastDate()).isEqualTo(MICROS);
        assertThat(parcel.createdAt()).isEqualTo(MICROS);
        assertThat(parcel.lastCheckpointAt()).isEqualTo(MICROS);
        assertThat(StoredPrecision.micros(null)).isNull();
    }
}
