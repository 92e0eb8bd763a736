package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns one parcel event into one delivery per subscriber. Subscribers are read a page at a time,
 * so a parcel followed by many thousands never sits in memory at once.
 *
 * <p>It keeps no record of events it has handled: an event handled twice is fanned out twice with
 * the same delivery ids, and the delivery side drops the copies. Recording "handled" here could
 * only be done safely once the deliveries are durably published, which a transactional broker
 * knows better than this service.
 */
public final class NotificationFanOutService implements FanOutParcelEventUseCase {
    private final SubscriptionStore subscriptions;
    private final DeliveryPublisher deliveries;
    private final int pageSize;
    private final int firstPageSize;
    private final Executor pageReader;

    /** Reads each next page on the calling thread, after publishing the one before. */
    public NotificationFanOutService(SubscriptionStore subscriptions, DeliveryPublisher deliveries, int pageSize) {
        this(subscriptions, deliveries, pageSize, Runnable::run);
    }

    /**
     * @param pageReader where the next page of a parcel's subscribers is read while the current one
     *     is being published, so that the database and the producer work at the same time (at most
     *     two pages are in memory then); a reader that refuses work leaves the reading to the caller
     */
    public NotificationFanOutService(SubscriptionStore subscriptions, DeliveryPublisher deliveries, int pageSize,
            Executor pageReader) {
        this(subscriptions, deliveries, pageSize, pageSize, pageReader);
    }

    /**
     * @param firstPageSize how many subscribers of a parcel are read before its first deliveries are
     *     published (at most {@code pageSize}): a small first page gets the producer going after a
     *     short read, and the reader then fetches full pages while it publishes
     */
    public NotificationFanOutService(SubscriptionStore subscriptions, DeliveryPublisher deliveries, int pageSize,
            int firstPageSize, Executor pageReader) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        if (firstPageSize < 1 || firstPageSize > pageSize) {
            throw new IllegalArgumentException("firstPageSize must be between 1 and pageSize");
        }
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.pageSize = pageSize;
        this.firstPageSize = firstPageSize;
        this.pageReader = pageReader;
    }

    @Override
    public int fanOut(ParcelEvent event) {
        // A deleted parcel has no subscribers left to tell; only its manager's webhooks hear of it.
        return event.isCheckpoint()
                ? publishFrom(event, subscriptions.findSubscribers(event.trackNumber(), 0, firstPageSize), firstPageSize)
                : 0;
    }

    /**
     * Reads the first subscribers of all the batch's parcels in one query. Together they take at
     * most one page: each parcel gets an equal share of it, and whoever has more is paged through as
     * usual when its event comes, so a batch never holds more subscribers in memory than a page.
     * (The small first page is for a parcel on its own: here one read serves many parcels.)
     */
    @Override
    public FanOutParcelEventUseCase forBatch(List<ParcelEvent> events) {
        Set<TrackNumber> parcels = new HashSet<>();
        for (ParcelEvent event : events) {
            if (event.isCheckpoint()) {
                parcels.add(event.trackNumber());
            }
        }
        if (parcels.size() < 2) {
            return this;
        }
        int share = Math.max(1, pageSize / parcels.size());
        Map<TrackNumber, List<TelegramId>> firstPages = subscriptions.findFirstSubscribers(parcels, share);
        return new FanOutParcelEventUseCase() {
            @Override
            public int fanOut(ParcelEvent event) {
                if (!event.isCheckpoint()) {
                    return 0;
                }
                if (!parcels.contains(event.trackNumber())) {
                    throw new IllegalArgumentException("event " + event.id() + " is not of this batch");
                }
                return publishFrom(event, firstPages.getOrDefault(event.trackNumber(), List.of()), share);
            }
        };
    }

    /**
     * Publishes {@code firstPage} (read with a limit of {@code firstLimit}) and then every further
     * page, until one comes back short.
     */
    private int publishFrom(ParcelEvent event, List<TelegramId> firstPage, int firstLimit) {
        int emitted = 0;
        List<TelegramId> page = firstPage;
        int limit = firstLimit;
        while (true) {
            // A full page may have a successor: start reading it before publishing this one.
            CompletableFuture<List<TelegramId>> next = page.size() < limit ? null
                    : readAfter(event.trackNumber(), page.get(page.size() - 1).value());
            if (!page.isEmpty()) {
                deliveries.publishDeliveries(page.stream().map(user -> Delivery.of(event, user)).toList());
                emitted += page.size();
            }
            if (next == null) {
                return emitted;
            }
            page = awaitPage(next);
            limit = pageSize;
        }
    }

    private CompletableFuture<List<TelegramId>> readAfter(TrackNumber trackNumber, long afterUserId) {
        try {
            return CompletableFuture.supplyAsync(() -> subscriptions.findSubscribers(trackNumber, afterUserId, pageSize),
                    pageReader);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(subscriptions.findSubscribers(trackNumber, afterUserId, pageSize));
        }
    }

    /** The page, or the store's own exception (an unavailable database, say), as if read here. */
    private static List<TelegramId> awaitPage(CompletableFuture<List<TelegramId>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
