package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ContendedParcelsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ContendedParcels contended = new ContendedParcels(2, Duration.ofSeconds(1), now::get);

    private static TrackNumber parcel(int n) {
        return new TrackNumber("PB%09d".formatted(n));
    }

    private void pass(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aParcelIsContendedForTheHoldAfterALostRaceAndThenNoLonger() {
        assertThat(contended.isContended(parcel(1))).isFalse();

        contended.lostRace(parcel(1));
        pass(Duration.ofMillis(999));

        assertThat(contended.isContended(parcel(1))).isTrue();
        assertThat(contended.isContended(parcel(2))).isFalse();
        pass(Duration.ofMillis(1));
        assertThat(contended.isContended(parcel(1))).isFalse();
        assertThat(contended.size()).isZero();
    }

    @Test
    void anotherLostRaceStartsTheHoldAgain() {
        contended.lostRace(parcel(1));
        pass(Duration.ofMillis(800));
        contended.lostRace(parcel(1));
        pass(Duration.ofMillis(800));

        assertThat(contended.isContended(parcel(1))).isTrue();
    }

    @Test
    void remembersNoMoreThanItsCapacityAndMakesRoomFromExpiredParcels() {
        contended.lostRace(parcel(1));
        contended.lostRace(parcel(2));
        contended.lostRace(parcel(3));

        assertThat(contended.size()).isEqualTo(2);
        assertThat(contended.isContended(parcel(3))).as("full of parcels within their hold").isFalse();
        assertThat(contended.isContended(parcel(1))).isTrue();

        pass(Duration.ofSeconds(1));
        contended.lostRace(parcel(3));

        assertThat(contended.size()).isEqualTo(1);
        assertThat(contended.isContended(parcel(3))).isTrue();
    }
}
