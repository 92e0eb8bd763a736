package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who follows which parcel. A (user, parcel) pair exists at most once. */
public interface SubscriptionStore {
    /**
     * Subscribes; {@code true} if new, {@code false} if it existed. Safe under concurrency: of any
     * number of simultaneous calls for one pair, exactly one returns {@code true}.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if the parcel is absent
     */
    boolean addSubscription(TelegramId user, TrackNumber trackNumber);

    /** Unsubscribes; {@code false} if there was nothing to remove. */
    boolean removeSubscription(TelegramId user, TrackNumber trackNumber);

    boolean isSubscribed(TelegramId user, TrackNumber trackNumber);

    /** The parcels a user follows, most recently subscribed first. */
    Page<Parcel> findSubscribedParcels(TelegramId user, PageRequest page);

    /**
     * Up to {@code limit} subscribers of a parcel with ids greater than {@code afterUserId} (0 to
     * start), in ascending id order: a keyset page that stays cheap however many there are.
     */
    List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit);

    /**
     * The first page of subscribers of each of several parcels, as {@link #findSubscribers} with
     * {@code afterUserId} 0 would give it, read together: what the fan-out of a batch of events
     * reads first. A parcel without subscribers (or that does not exist) is absent from the map.
     * Stores that can should answer in one query; this default asks parcel by parcel.
     */
    default Map<TrackNumber, List<TelegramId>> findFirstSubscribers(Set<TrackNumber> trackNumbers, int limit) {
        Map<TrackNumber, List<TelegramId>> pages = new HashMap<>();
        for (TrackNumber trackNumber : trackNumbers) {
            List<TelegramId> page = findSubscribers(trackNumber, 0, limit);
            if (!page.isEmpty()) {
                pages.put(trackNumber, page);
            }
        }
        return pages;
    }
}
