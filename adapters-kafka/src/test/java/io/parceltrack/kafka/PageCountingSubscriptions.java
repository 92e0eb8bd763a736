package io.parceltrack.kafka;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscription store that remembers the largest page of subscribers anyone read from it, and how
 * often the first pages of several parcels were read together.
 */
final class PageCountingSubscriptions implements SubscriptionStore {
    private final SubscriptionStore store;
    private final AtomicInteger largestPage = new AtomicInteger();
    private final AtomicInteger pagesRead = new AtomicInteger();
    private final AtomicInteger batchLookups = new AtomicInteger();

    PageCountingSubscriptions(SubscriptionStore store) {
        this.store = store;
    }

    int largestPage() {
        return largestPage.get();
    }

    int pagesRead() {
        return pagesRead.get();
    }

    int batchLookups() {
        return batchLookups.get();
    }

    @Override
    public Map<TrackNumber, List<TelegramId>> findFirstSubscribers(Set<TrackNumber> trackNumbers, int limit) {
        Map<TrackNumber, List<TelegramId>> pages = store.findFirstSubscribers(trackNumbers, limit);
        batchLookups.incrementAndGet();
        pages.values().forEach(page -> largestPage.accumulateAndGet(page.size(), Math::max));
        return pages;
    }

    @Override
    public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
        List<TelegramId> page = store.findSubscribers(trackNumber, afterUserId, limit);
        pagesRead.incrementAndGet();
        largestPage.accumulateAndGet(page.size(), Math::max);
        return page;
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
