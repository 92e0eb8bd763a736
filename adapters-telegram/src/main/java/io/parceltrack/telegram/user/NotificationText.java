package io.parceltrack.telegram.user;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * One message per checkpoint: the parcel, its status after the checkpoint, when (with the offset
 * from UTC, as recipients may live elsewhere), and where and what if known. A checkpoint recorded
 * late says so, and that the parcel's status stays what it was.
 */
final class NotificationText {
    private final Phrasebook texts;
    private final BotDates dates;

    NotificationText(Phrasebook texts, BotDates dates) {
        this.texts = texts;
        this.dates = dates;
    }

    OutgoingMessage render(Delivery delivery) {
        ParcelText parcelText = new ParcelText(texts, dates);
        Checkpoint checkpoint = delivery.checkpoint();
        CheckpointEffect effect = delivery.effect();
        String when = dates.formatWithZone(checkpoint.time());
        List<Markup> lines = new ArrayList<>();
        if (effect.recordedLate()) {
            lines.add(texts.phrase(Text.NOTIFICATION_LATE, delivery.parcelName(), delivery.trackNumber().value(),
                    parcelText.status(checkpoint.status()), when, parcelText.status(effect.parcelStatus())));
        } else {
            lines.add(texts.phrase(Text.NOTIFICATION, delivery.parcelName(), delivery.trackNumber().value(),
                    parcelText.status(effect.parcelStatus()), when));
        }
        if (!checkpoint.place().isEmpty()) {
            lines.add(texts.phrase(Text.NOTIFICATION_PLACE, checkpoint.place()));
        }
        if (!checkpoint.description().isEmpty()) {
            lines.add(texts.phrase(Text.NOTIFICATION_DESCRIPTION, checkpoint.description()));
        }
        return OutgoingMessage.of(Markup.lines(lines)).withRow(
                new Button(texts.plain(Text.BUTTON_OPEN_PARCEL), new Callback.OpenParcel(delivery.trackNumber())));
    }
}
