package io.parceltrack.rest;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A parcel service whose {@code addParcel} waits until the test releases it, so that a second
 * request can arrive while the first is still running, as with a slow remote backend.
 */
final class HeldParcelCreation extends ForwardingParcelUseCases {
    private static final long PATIENCE_SECONDS = 20;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldParcelCreation(ManagerParcelUseCases delegate) {
        super(delegate);
    }

    @Override
    public Parcel addParcel(AddParcelCommand command) {
        entered.countDown();
        try {
            released.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.addParcel(command);
    }

    /** Waits until a creation is being held; fails the test if none arrives. */
    void awaitHeldCreation() throws InterruptedException {
        if (!entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached addParcel");
        }
    }

    void release() {
        released.countDown();
    }
}
