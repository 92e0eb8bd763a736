package io.parceltrack.contract;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A subscription store that hands every call to another; tests override what they watch. */
public abstract class ForwardingSubscriptionStore implements SubscriptionStore {
    private final SubscriptionStore store;

    protected ForwardingSubscriptionStore(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public Map<TrackNumber, List<TelegramId>> findFirstSubscribers(Set<TrackNumber> trackNumbers, int limit) {
        return store.findFirstSubscribers(trackNumbers, limit);
    }

    @Override
    public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
        return store.findSubscribers(trackNumber, afterUserId, limit);
    }

    @Override
    public boolean addSubscription(TelegramId user, TrackNumber trackNumber) {
        return store.addSubscription(user, trackNumber);
    }

    @Override
    public boolean removeSubscription(TelegramId user, TrackNumber trackNumber) {
        return store.removeSubscription(user, trackNumber);
    }

    @Override
    public boolean isSubscribed(TelegramId user, TrackNumber trackNumber) {
        return store.isSubscribed(user, trackNumber);
    }

    @Override
    public Page<Parcel> findSubscribedParcels(TelegramId user, PageRequest page) {
        return store.findSubscribedParcels(user, page);
    }
}
