package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ParcelEventPublisher} must do. The subclass also provides a way to read back
 * what reached the other side (a subscriber of the bus, a consumer of the topic).
 */
public abstract class ParcelEventPublisherContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract ParcelEventPublisher publisher();

    /**
     * Events received since the test began, once at least {@code atLeast} arrived or
     * {@code timeout} passed, in the order received.
     */
    protected abstract List<ParcelEvent> receivedEvents(int atLeast, Duration timeout) throws Exception;

    private static ParcelEvent event(TrackNumber trackNumber, int step) {
        Checkpoint checkpoint = new Checkpoint(T0.plusSeconds(step), "Hub " + step, "step " + step, ParcelStatus.IN_TRANSIT);
        return new ParcelEvent(EventId.random(RANDOM), trackNumber, "Parcel 📦 " + trackNumber, checkpoint, T0.plusSeconds(step));
    }

    @Test
    void deliversEveryFieldIntact() throws Exception {
        Checkpoint checkpoint = new Checkpoint(T0, "Санкт-Петербург, «Пулково»", "multi\nline", ParcelStatus.DELIVERED);
        ParcelEvent event = new ParcelEvent(EventId.random(RANDOM), Fixtures.newTrackNumber(), "Ёлка", checkpoint, T0);

        publisher().publishEvents(List.of(event));

        assertThat(receivedEvents(1, Duration.ofSeconds(30))).containsExactly(event);
    }

    @Test
    void keepsTheOrderOfEachParcelsEvents() throws Exception {
        TrackNumber first = Fixtures.newTrackNumber();
        TrackNumber second = Fixtures.newTrackNumber();
        List<ParcelEvent> ofFirst = new ArrayList<>();
        List<ParcelEvent> ofSecond = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<ParcelEvent> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int step = batch * 4 + i;
                ParcelEvent a = event(first, step);
                ParcelEvent b = event(second, step);
                ofFirst.add(a);
                ofSecond.add(b);
                events.add(a);
                events.add(b);
            }
            publisher().publishEvents(events);
        }

        List<ParcelEvent> received = receivedEvents(40, Duration.ofSeconds(30));

        assertThat(received).filteredOn(e -> e.trackNumber().equals(first)).containsExactlyElementsOf(ofFirst);
        assertThat(received).filteredOn(e -> e.trackNumber().equals(second)).containsExactlyElementsOf(ofSecond);
    }

    @Test
    void publishingNothingSendsNothing() throws Exception {
        publisher().publishEvents(List.of());

        assertThat(receivedEvents(1, Duration.ofMillis(500))).isEmpty();
    }
}
