package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.postgres.RecentParcels.StoredParcel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentParcelsTest {
    private final AtomicLong now = new AtomicLong();
    private final RecentParcels recent = new RecentParcels(2, Duration.ofSeconds(60), now::get);

    @Test
    void givesBackTheLastRowRememberedOfAParcel() {
        StoredParcel first = stored(1, "100");
        recent.remember(first);
        StoredParcel newer = new StoredParcel(1, "101", first.parcel());
        recent.remember(newer);

        assertThat(recent.get(first.parcel().trackNumber())).containsSame(newer);
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void keepsTheParcelsUsedLastWithinItsCapacity() {
        StoredParcel a = stored(1, "1");
        StoredParcel b = stored(2, "2");
        StoredParcel c = stored(3, "3");
        recent.remember(a);
        recent.remember(b);
        assertThat(recent.get(a.parcel().trackNumber())).as("used, so b is the eldest now").isPresent();

        recent.remember(c);

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(b.parcel().trackNumber())).isEmpty();
        assertThat(recent.get(a.parcel().trackNumber())).containsSame(a);
        assertThat(recent.get(c.parcel().trackNumber())).containsSame(c);
    }

    @Test
    void forgetsAParcelAfterTheMaximumAge() {
        StoredParcel a = stored(1, "1");
        recent.remember(a);

        now.set(Duration.ofSeconds(60).toNanos() - 1);
        assertThat(recent.get(a.parcel().trackNumber())).isPresent();
        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(recent.get(a.parcel().trackNumber())).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void forgetsAParcelOnRequest() {
        StoredParcel a = stored(1, "1");
        recent.remember(a);

        recent.forget(a.parcel().trackNumber());

        assertThat(recent.get(a.parcel().trackNumber())).isEmpty();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new RecentParcels(0, Duration.ofSeconds(1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredParcel stored(long id, String rowVersion) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        return new StoredParcel(id, rowVersion, parcel);
    }
}
