package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;

/**
 * Passes every call to the real service; tests override one call to make it behave as a remote
 * backend can (hang, be unreachable, fail) where the in-process service never would.
 */
class ForwardingParcelUseCases implements ManagerParcelUseCases {
    private final ManagerParcelUseCases delegate;

    ForwardingParcelUseCases(ManagerParcelUseCases delegate) {
        this.delegate = delegate;
    }

    /** Runs before every call; throwing from here fails all of them alike. */
    void beforeCall() {}

    @Override
    public Parcel addParcel(AddParcelCommand command) {
        beforeCall();
        return delegate.addParcel(command);
    }

    @Override
    public Parcel getOwnParcel(TelegramId manager, TrackNumber trackNumber) {
        beforeCall();
        return delegate.getOwnParcel(manager, trackNumber);
    }

    @Override
    public void deleteParcel(TelegramId manager, TrackNumber trackNumber) {
        beforeCall();
        delegate.deleteParcel(manager, trackNumber);
    }

    @Override
    public Page<Parcel> listOwnParcels(TelegramId manager, PageRequest page) {
        beforeCall();
        return delegate.listOwnParcels(manager, page);
    }

    @Override
    public Parcel addCheckpoint(AddCheckpointCommand command) {
        beforeCall();
        return delegate.addCheckpoint(command);
    }

    @Override
    public Page<Checkpoint> listOwnParcelCheckpoints(TelegramId manager, TrackNumber trackNumber, PageRequest page) {
        beforeCall();
        return delegate.listOwnParcelCheckpoints(manager, trackNumber, page);
    }

    /** Every call fails with what {@code failure} makes, as a backend that is down or broken would. */
    static ForwardingParcelUseCases failingWith(ManagerParcelUseCases delegate,
            java.util.function.Supplier<? extends RuntimeException> failure) {
        return new ForwardingParcelUseCases(delegate) {
            @Override
            void beforeCall() {
                throw failure.get();
            }
        };
    }
}
