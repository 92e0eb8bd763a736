package io.parceltrack.grpc;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real parcels-user use cases, except that the next calls can be told to fail or to hang: what a
 * broken database or a stuck query does to a service, which memory adapters cannot produce.
 */
final class ScriptedUserParcelUseCases implements UserParcelUseCases {
    private final UserParcelUseCases real;
    private final Queue<Runnable> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedUserParcelUseCases(UserParcelUseCases real) {
        this.real = real;
    }

    /** The next call not yet scripted throws {@code failure}. */
    void thenFail(RuntimeException failure) {
        script.add(() -> {
            throw failure;
        });
    }

    /** The next call not yet scripted hangs until {@code release} opens (a minute at most). */
    void thenHang(CountDownLatch release, CountDownLatch entered) {
        script.add(() -> {
            entered.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** How many calls reached the use cases. */
    int calls() {
        return calls.get();
    }

    private void next() {
        calls.incrementAndGet();
        Runnable step = script.poll();
        if (step != null) {
            step.run();
        }
    }

    @Override
    public ParcelView viewParcel(TelegramId user, TrackNumber trackNumber) {
        next();
        return real.viewParcel(user, trackNumber);
    }

    @Override
    public Page<Checkpoint> listCheckpoints(TrackNumber trackNumber, PageRequest page) {
        next();
        return real.listCheckpoints(trackNumber, page);
    }

    @Override
    public void subscribe(TelegramId user, TrackNumber trackNumber) {
        next();
        real.subscribe(user, trackNumber);
    }

    @Override
    public void unsubscribe(TelegramId user, TrackNumber trackNumber) {
        next();
        real.unsubscribe(user, trackNumber);
    }

    @Override
    public Page<Parcel> listSubscriptions(TelegramId user, PageRequest page) {
        next();
        return real.listSubscriptions(user, page);
    }
}
