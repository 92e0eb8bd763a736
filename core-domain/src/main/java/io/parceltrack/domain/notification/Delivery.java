package io.parceltrack.domain.notification;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.Objects;

/**
 * One notification about one checkpoint, addressed to one subscriber; {@code effect} says what the
 * parcel's status is afterwards and whether the checkpoint came late.
 */
public record Delivery(
        DeliveryId id, TelegramId recipient, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint,
        CheckpointEffect effect) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(parcelName, "parcelName");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(effect, "effect");
    }

    /** A delivery of a checkpoint that became the parcel's latest. */
    public Delivery(DeliveryId id, TelegramId recipient, TrackNumber trackNumber, String parcelName,
            Checkpoint checkpoint) {
        this(id, recipient, trackNumber, parcelName, checkpoint, CheckpointEffect.presumed(checkpoint));
    }

    public static Delivery of(ParcelEvent event, TelegramId recipient) {
        return new Delivery(DeliveryId.of(event.id(), recipient), recipient, event.trackNumber(),
                event.parcelName(), event.checkpoint(), event.effect());
    }
}
