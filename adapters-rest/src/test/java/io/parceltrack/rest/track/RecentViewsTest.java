package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.tracking.PublicParcelView;
import io.parceltrack.rest.MutableClock;
import io.parceltrack.rest.track.RecentViews.FingerprintedView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentViewsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private static FingerprintedView view(String number) {
        PublicParcelView view = new PublicParcelView(new TrackNumber(number), "Phone case", ParcelStatus.PENDING,
                Instant.parse("2026-03-10T12:00:00Z"), new Page<>(List.of(), PageRequest.firstDefault(), false));
        return new FingerprintedView(view, ViewFingerprint.of(view));
    }

    @Test
    void keepsAViewForItsTimeToLiveOnly() {
        RecentViews views = new RecentViews(Duration.ofSeconds(10), 10, clock);
        views.remember(1, view("VF834349180"));

        clock.advance(Duration.ofMillis(9_999));
        assertThat(views.fresh(new TrackNumber("VF834349180"), 1)).isPresent();
        assertThat(views.fresh(new TrackNumber("VF834349180"), 2)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(views.fresh(new TrackNumber("VF834349180"), 1)).isEmpty();
    }

    @Test
    void holdsNoMoreThanItsCapacityAndNothingWithAZeroTimeToLive() {
        RecentViews bounded = new RecentViews(Duration.ofSeconds(10), 2, clock);
        RecentViews off = new RecentViews(Duration.ZERO, 2, clock);
        for (int i = 0; i < 5; i++) {
            bounded.remember(1, view("VF00000000" + i));
            off.remember(1, view("VF00000000" + i));
        }

        assertThat(bounded.size()).isEqualTo(2);
        assertThat(bounded.fresh(new TrackNumber("VF000000004"), 1)).isPresent();
        assertThat(off.size()).isZero();
    }

    @Test
    void theFingerprintFollowsTheContent() {
        assertThat(view("VF834349180").fingerprint()).isEqualTo(view("VF834349180").fingerprint())
                .isNotEqualTo(view("VF834349181").fingerprint());
    }
}
