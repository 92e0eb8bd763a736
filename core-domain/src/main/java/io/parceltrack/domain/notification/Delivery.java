package io.parceltrack.domain.notification;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.Objects;

/**
 * One notification about one checkpoint, addressed to one subscriber; {@code effect} says what the
 * parcel's status is afterwards and whether the checkpoint came late. It carries the event it
 * comes from, and its {@link #id()} is derived from that event and the recipient, so whoever
 * receives a delivery can check that its id belongs to it (a record whose id does not is refused).
 */
public record Delivery(
        EventId event, TelegramId recipient, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint,
        CheckpointEffect effect) {
    public Delivery {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(parcelName, "parcelName");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(effect, "effect");
    }

    /** A delivery of a checkpoint that became the parcel's latest. */
    public Delivery(EventId event, TelegramId recipient, TrackNumber trackNumber, String parcelName,
            Checkpoint checkpoint) {
        this(event, recipient, trackNumber, parcelName, checkpoint, CheckpointEffect.presumed(checkpoint));
    }

    public static Delivery of(ParcelEvent event, TelegramId recipient) {
        return new Delivery(event.id(), recipient, event.trackNumber(), event.parcelName(), event.checkpoint(),
                event.effect());
    }

    /** Identifies this notification to this person: always {@link DeliveryId#of}(event, recipient). */
    public DeliveryId id() {
        return DeliveryId.of(event, recipient);
    }
}
