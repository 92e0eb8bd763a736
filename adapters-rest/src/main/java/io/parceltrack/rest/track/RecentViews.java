package io.parceltrack.rest.track;

import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.tracking.PublicParcelView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parcel views read in the last {@code ttl}, with their fingerprints, so that a reload within that
 * time (the same time browsers are told they may keep the page) costs no database read, and a
 * revalidation with a matching {@code If-None-Match} costs neither a read nor rendering. At most
 * {@code capacity} views are kept, the least recently used forgotten first; only parcels that
 * exist are kept, so guessing numbers cannot fill it.
 */
final class RecentViews {
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Entry> entries;

    RecentViews(Duration ttl, int capacity, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A view of this page read less than {@code ttl} ago. */
    synchronized Optional<FingerprintedView> fresh(TrackNumber trackNumber, int page) {
        Key key = new Key(trackNumber, page);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.readAt().plus(ttl))) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.view());
    }

    synchronized void remember(int page, FingerprintedView view) {
        if (!ttl.isZero()) {
            entries.put(new Key(view.view().trackNumber(), page), new Entry(view, clock.instant()));
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** A view and the fingerprint of its content, which the page's ETags are made of. */
    record FingerprintedView(PublicParcelView view, String fingerprint) {}

    private record Key(TrackNumber trackNumber, int page) {}

    private record Entry(FingerprintedView view, Instant readAt) {}
}
