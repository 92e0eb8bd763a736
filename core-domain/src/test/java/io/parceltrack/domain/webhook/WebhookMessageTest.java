package io.parceltrack.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebhookMessageTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Random RANDOM = new Random(5);
    private final Parcel parcel = Parcel.register(TrackNumber.parse("VF834349180"),
            new ParcelDetails("Phone \"case\" \\ 1", "Anna Smirnova", "Kazan", T0.plusSeconds(86_400), ""),
            new TelegramId(42), T0);

    @Test
    void aCheckpointThatMovesTheParcelIsRecordedAndChangesItsStatus() {
        Checkpoint checkpoint = new Checkpoint(T0, "Kazan", "arrived", ParcelStatus.IN_TRANSIT);
        ParcelEvent event = ParcelEvent.checkpointRecorded(EventId.random(RANDOM), parcel, checkpoint, T0);

        assertThat(WebhookEventType.of(event))
                .containsExactly(WebhookEventType.CHECKPOINT_RECORDED, WebhookEventType.PARCEL_STATUS_CHANGED);
        WebhookMessage message = WebhookMessage.of(WebhookEventType.PARCEL_STATUS_CHANGED, event);
        assertThat(message.body()).isEqualTo("{\"type\":\"parcel.status_changed\",\"timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"data\":{\"event_id\":\"" + event.id() + "\",\"parcel_track_number\":\"VF834349180\","
                + "\"parcel_name\":\"Phone \\\"case\\\" \\\\ 1\",\"parcel_status\":\"IN_TRANSIT\",\"previous_parcel_status\":\"PENDING\","
                + "\"checkpoint\":{\"checkpoint_time\":\"2026-03-01T10:00:00Z\",\"checkpoint_place\":\"Kazan\","
                + "\"checkpoint_description\":\"arrived\",\"checkpoint_parcel_status\":\"IN_TRANSIT\"}}}");
        assertThat(message.orderingKey()).isEqualTo("VF834349180");
        assertThat(message.id()).isEqualTo(MessageId.of(event.id(), WebhookEventType.PARCEL_STATUS_CHANGED))
                .isNotEqualTo(MessageId.of(event.id(), WebhookEventType.CHECKPOINT_RECORDED));
    }

    @Test
    void aCheckpointKeepingTheStatusIsOnlyRecorded() {
        Checkpoint checkpoint = new Checkpoint(T0, "Kazan", "still waiting", ParcelStatus.PENDING);

        assertThat(WebhookEventType.of(ParcelEvent.checkpointRecorded(EventId.random(RANDOM), parcel, checkpoint, T0)))
                .containsExactly(WebhookEventType.CHECKPOINT_RECORDED);
        assertThat(WebhookEventType.of(new ParcelEvent(EventId.random(RANDOM), parcel.trackNumber(), "x",
                new Checkpoint(T0, "", "", ParcelStatus.DELIVERED), T0)))
                .as("an old event does not say what the status was").containsExactly(WebhookEventType.CHECKPOINT_RECORDED);
    }

    @Test
    void aDeletionCarriesTheParcelAsItWas() {
        ParcelEvent event = ParcelEvent.parcelDeleted(EventId.random(RANDOM), parcel, T0);

        assertThat(WebhookEventType.of(event)).containsExactly(WebhookEventType.PARCEL_DELETED);
        assertThat(WebhookMessage.of(WebhookEventType.PARCEL_DELETED, event).body())
                .contains("\"type\":\"parcel.deleted\"", "\"parcel_status\":\"PENDING\"").doesNotContain("checkpoint");
    }
}
