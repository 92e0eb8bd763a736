package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.List;

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
}
