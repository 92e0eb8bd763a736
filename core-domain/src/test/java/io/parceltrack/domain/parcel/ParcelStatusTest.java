package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class ParcelStatusTest {

    @Test
    void onlyDeliveredAndCanceledAreFinal() {
        assertThat(ParcelStatus.values()).filteredOn(ParcelStatus::isFinal)
                .containsExactlyInAnyOrder(ParcelStatus.DELIVERED, ParcelStatus.CANCELED);
    }

    @Test
    void checkpointsMayCarryEveryStatusButUnknown() {
        assertThat(ParcelStatus.checkpointStatuses())
                .containsExactly(ParcelStatus.PENDING, ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, ParcelStatus.CANCELED);
    }

    @Test
    void parsesNamesCaseInsensitively() {
        assertThat(ParcelStatus.parse("status", " in_transit ")).isEqualTo(ParcelStatus.IN_TRANSIT);
    }

    @Test
    void refusesUnknownAndMadeUpNamesListingTheAllowedOnes() {
        assertThatThrownBy(() -> ParcelStatus.parse("status", "UNKNOWN"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PENDING, IN_TRANSIT, DELIVERED, CANCELED");
        assertThatThrownBy(() -> ParcelStatus.parse("status", "LOST")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ParcelStatus.parse("status", null)).isInstanceOf(InvalidInputException.class);
    }
}
