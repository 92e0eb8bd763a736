package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionStore} must do. */
public abstract class SubscriptionStoreContract {
    protected ParcelPorts ports;
    protected SubscriptionStore store;

    protected abstract ParcelPorts newParcelPorts();

    @BeforeEach
    void createStore() {
        ports = newParcelPorts();
        store = ports.subscriptions();
    }

    private Parcel storedParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ports.parcels().insertParcel(parcel);
        return parcel;
    }

    @Test
    void subscribesOnceAndTellsASecondAttemptApart() {
        Parcel parcel = storedParcel();
        TelegramId user = Fixtures.newId();

        assertThat(store.addSubscription(user, parcel.trackNumber())).isTrue();
        assertThat(store.addSubscription(user, parcel.trackNumber())).isFalse();
        assertThat(store.isSubscribed(user, parcel.trackNumber())).isTrue();
        assertThat(store.findSubscribers(parcel.trackNumber(), 0, 10)).containsExactly(user);
    }

    @Test
    void refusesToSubscribeToAnAbsentParcel() {
        TrackNumber absent = Fixtures.newTrackNumber();

        assertThatThrownBy(() -> store.addSubscription(Fixtures.newId(), absent))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
    }

    @Test
    void unsubscribesOnceAndTellsASecondAttemptApart() {
        Parcel parcel = storedParcel();
        TelegramId user = Fixtures.newId();
        store.addSubscription(user, parcel.trackNumber());

        assertThat(store.removeSubscription(user, parcel.trackNumber())).isTrue();
        assertThat(store.removeSubscription(user, parcel.trackNumber())).isFalse();
        assertThat(store.isSubscribed(user, parcel.trackNumber())).isFalse();
    }

    @Test
    void unsubscribingFromAnAbsentParcelRemovesNothing() {
        assertThat(store.removeSubscription(Fixtures.newId(), Fixtures.newTrackNumber())).isFalse();
    }

    @Test
    void keepsUsersAndParcelsApart() {
        Parcel followed = storedParcel();
        Parcel other = storedParcel();
        TelegramId follower = Fixtures.newId();
        TelegramId bystander = Fixtures.newId();

        store.addSubscription(follower, followed.trackNumber());

        assertThat(store.isSubscribed(bystander, followed.trackNumber())).isFalse();
        assertThat(store.isSubscribed(follower, other.trackNumber())).isFalse();
        assertThat(store.findSubscribers(other.trackNumber(), 0, 10)).isEmpty();
    }

    @Test
    void listsAUsersParcelsMostRecentlySubscribedFirstInPages() {
        TelegramId user = Fixtures.newId();
        List<Parcel> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Parcel parcel = storedParcel();
            store.addSubscription(user, parcel.trackNumber());
            newestFirst.add(0, parcel);
        }
        store.addSubscription(Fixtures.newId(), newestFirst.get(0).trackNumber());

        Page<Parcel> first = store.findSubscribedParcels(user, new PageRequest(1, 2));
        Page<Parcel> second = store.findSubscribedParcels(user, new PageRequest(2, 2));

        assertThat(first.items()).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).containsExactly(newestFirst.get(2));
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void listedParcelsShowTheirCurrentStatus() {
        Parcel parcel = storedParcel();
        TelegramId user = Fixtures.newId();
        store.addSubscription(user, parcel.trackNumber());
        var checkpoint = Fixtures.checkpoint(T0.plusSeconds(5), ParcelStatus.IN_TRANSIT);
        Parcel updated = ports.checkpoints()
                .recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint))
                .orElseThrow().parcel();

        assertThat(store.findSubscribedParcels(user, PageRequest.firstDefault()).items()).containsExactly(updated);
    }

    /** {@code count} new followers of {@code parcel}, in ascending id order. */
    private List<TelegramId> followersOf(Parcel parcel, int count) {
        List<TelegramId> followers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            followers.add(Fixtures.newId());
        }
        // Subscribe in reverse so that id order differs from subscription order.
        for (int i = followers.size() - 1; i >= 0; i--) {
            store.addSubscription(followers.get(i), parcel.trackNumber());
        }
        return followers;
    }

    @Test
    void pagesThroughSubscribersByAscendingId() {
        Parcel parcel = storedParcel();
        List<TelegramId> subscribers = followersOf(parcel, 7);

        List<TelegramId> seen = new ArrayList<>();
        long after = 0;
        List<TelegramId> page;
        do {
            page = store.findSubscribers(parcel.trackNumber(), after, 3);
            seen.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).value();
            }
        } while (page.size() == 3);

        assertThat(seen).containsExactlyElementsOf(subscribers);
    }

    @Test
    void readsTheFirstSubscribersOfSeveralParcelsAtOnce() {
        Parcel busy = storedParcel();
        Parcel quiet = storedParcel();
        Parcel unfollowed = storedParcel();
        List<TelegramId> busyFollowers = followersOf(busy, 4);
        TelegramId quietFollower = Fixtures.newId();
        store.addSubscription(quietFollower, quiet.trackNumber());
        TrackNumber absent = Fixtures.parcel(Fixtures.newId()).trackNumber();

        Map<TrackNumber, List<TelegramId>> pages = store.findFirstSubscribers(
                Set.of(busy.trackNumber(), quiet.trackNumber(), unfollowed.trackNumber(), absent), 3);

        assertThat(pages).containsOnlyKeys(busy.trackNumber(), quiet.trackNumber());
        assertThat(pages.get(busy.trackNumber()))
                .as("the first page, as findSubscribers gives it")
                .containsExactlyElementsOf(busyFollowers.subList(0, 3))
                .containsExactlyElementsOf(store.findSubscribers(busy.trackNumber(), 0, 3));
        assertThat(pages.get(quiet.trackNumber())).containsExactly(quietFollower);
        assertThat(store.findFirstSubscribers(Set.of(), 3)).isEmpty();
    }

    @Test
    void subscribesExactlyOnceUnderConcurrentAttempts() throws Exception {
        Parcel parcel = storedParcel();
        TelegramId user = Fixtures.newId();

        var outcomes = Concurrently.run(8, i -> store.addSubscription(user, parcel.trackNumber()));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).containsOnlyOnce(true);
        assertThat(store.findSubscribers(parcel.trackNumber(), 0, 100)).containsExactly(user);
        assertThat(store.findSubscribedParcels(user, PageRequest.firstDefault()).items()).hasSize(1);
    }
}
