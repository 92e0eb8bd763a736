package io.parceltrack.service;

import static io.parceltrack.service.ManagerParcelService.parcelNotFound;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.SubscriptionStore;

/** What recipients do: look parcels up and follow them. The track number is the key to a parcel. */
public final class UserParcelService implements UserParcelUseCases {
    private final ParcelStore parcels;
    private final SubscriptionStore subscriptions;

    public UserParcelService(ParcelStore parcels, SubscriptionStore subscriptions) {
        this.parcels = parcels;
        this.subscriptions = subscriptions;
    }

    @Override
    public ParcelView viewParcel(TelegramId user, TrackNumber trackNumber) {
        Parcel parcel = existing(trackNumber);
        return new ParcelView(parcel, subscriptions.isSubscribed(user, trackNumber));
    }

    @Override
    public Page<Checkpoint> listCheckpoints(TrackNumber trackNumber, PageRequest page) {
        existing(trackNumber);
        return parcels.findCheckpoints(trackNumber, page);
    }

    @Override
    public void subscribe(TelegramId user, TrackNumber trackNumber) {
        if (!subscriptions.addSubscription(user, trackNumber)) {
            throw new AlreadyExistsException(Subject.SUBSCRIPTION, "already subscribed to " + trackNumber);
        }
    }

    @Override
    public void unsubscribe(TelegramId user, TrackNumber trackNumber) {
        if (!subscriptions.removeSubscription(user, trackNumber)) {
            existing(trackNumber);
            throw new NotFoundException(Subject.SUBSCRIPTION, "not subscribed to " + trackNumber);
        }
    }

    @Override
    public Page<Parcel> listSubscriptions(TelegramId user, PageRequest page) {
        return subscriptions.findSubscribedParcels(user, page);
    }

    private Parcel existing(TrackNumber trackNumber) {
        return parcels.findParcel(trackNumber).orElseThrow(() -> parcelNotFound(trackNumber));
    }
}
