package io.parceltrack.telegram.text;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.PublicParcel;
import java.util.ArrayList;
import java.util.List;

/** How both bots show parcels, statuses and checkpoints. */
public final class ParcelText {
    private static final int LABEL_NAME_LENGTH = 28;

    private final Phrasebook texts;
    private final BotDates dates;

    public ParcelText(Phrasebook texts, BotDates dates) {
        this.texts = texts;
        this.dates = dates;
    }

    public String status(ParcelStatus status) {
        return texts.plain(switch (status) {
            case UNKNOWN -> Text.STATUS_UNKNOWN;
            case PENDING -> Text.STATUS_PENDING;
            case IN_TRANSIT -> Text.STATUS_IN_TRANSIT;
            case DELIVERED -> Text.STATUS_DELIVERED;
            case CANCELED -> Text.STATUS_CANCELED;
        });
    }

    /** Everything about a parcel: for its manager, or where recipients may see all of it. */
    public Markup details(Parcel parcel) {
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.CARD_TITLE, parcel.name()));
        lines.add(texts.phrase(Text.CARD_TRACK_NUMBER, parcel.trackNumber().value()));
        lines.add(texts.phrase(Text.CARD_STATUS, status(parcel.status())));
        lines.add(texts.phrase(Text.CARD_RECIPIENT, parcel.details().recipient()));
        lines.add(texts.phrase(Text.CARD_ADDRESS, parcel.details().arrivalAddress()));
        lines.add(texts.phrase(Text.CARD_FORECAST, dates.format(parcel.details().forecastDate())));
        if (!parcel.details().description().isEmpty()) {
            lines.add(texts.phrase(Text.CARD_DESCRIPTION, parcel.details().description()));
        }
        return Markup.lines(lines);
    }

    /** What anyone with the track number may see: no address, no description, the recipient masked. */
    public Markup publicDetails(PublicParcel parcel) {
        return Markup.lines(List.of(
                texts.phrase(Text.CARD_TITLE, parcel.name()),
                texts.phrase(Text.CARD_TRACK_NUMBER, parcel.trackNumber().value()),
                texts.phrase(Text.CARD_STATUS, status(parcel.status())),
                texts.phrase(Text.CARD_RECIPIENT, parcel.maskedRecipient()),
                texts.phrase(Text.CARD_FORECAST, dates.format(parcel.forecastDate()))));
    }

    /** A titled list of checkpoints, newest first, noting when older ones follow. */
    public Markup checkpoints(Markup title, Page<Checkpoint> page) {
        List<Markup> lines = new ArrayList<>();
        lines.add(title);
        if (page.items().isEmpty()) {
            lines.add(texts.phrase(Text.CARD_NO_CHECKPOINTS));
        }
        for (Checkpoint checkpoint : page.items()) {
            lines.add(texts.phrase(Text.CHECKPOINT_LINE, dates.format(checkpoint.time()), status(checkpoint.status())));
            if (!checkpoint.place().isEmpty()) {
                lines.add(texts.phrase(Text.CHECKPOINT_PLACE, checkpoint.place()));
            }
            if (!checkpoint.description().isEmpty()) {
                lines.add(texts.phrase(Text.CHECKPOINT_DESCRIPTION, checkpoint.description()));
            }
        }
        if (page.hasNext()) {
            lines.add(texts.phrase(Text.CARD_MORE_CHECKPOINTS));
        }
        return Markup.lines(lines);
    }

    /** A short button label for a parcel in a list: its (shortened) name and status. */
    public String label(Parcel parcel) {
        return shortName(parcel.name()) + " · " + status(parcel.status());
    }

    /** A button label that tells parcels of the same name apart: name and track number. */
    public String labelWithTrackNumber(Parcel parcel) {
        return shortName(parcel.name()) + " · " + parcel.trackNumber().value();
    }

    private static String shortName(String name) {
        if (name.codePointCount(0, name.length()) > LABEL_NAME_LENGTH) {
            return name.substring(0, name.offsetByCodePoints(0, LABEL_NAME_LENGTH - 1)) + "…";
        }
        return name;
    }
}
