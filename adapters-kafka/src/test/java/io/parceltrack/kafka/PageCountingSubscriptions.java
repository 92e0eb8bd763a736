package io.parceltrack.kafka;

import io.parceltrack.contract.ForwardingSubscriptionStore;
import io.parceltrack.domain.TelegramId;
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
final class PageCountingSubscriptions extends ForwardingSubscriptionStore {
    private final AtomicInteger largestPage = new AtomicInteger();
    private final AtomicInteger pagesRead = new AtomicInteger();
    private final AtomicInteger batchLookups = new AtomicInteger();

    PageCountingSubscriptions(SubscriptionStore store) {
        super(store);
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
        Map<TrackNumber, List<TelegramId>> pages = super.findFirstSubscribers(trackNumbers, limit);
        batchLookups.incrementAndGet();
        pages.values().forEach(page -> largestPage.accumulateAndGet(page.size(), Math::max));
        return pages;
    }

    @Override
    public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
        List<TelegramId> page = super.findSubscribers(trackNumber, afterUserId, limit);
        pagesRead.incrementAndGet();
        largestPage.accumulateAndGet(page.size(), Math::max);
        return page;
    }
}
