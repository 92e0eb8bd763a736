package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.Language;
import java.util.Objects;

/**
 * Where one chat's dialogue stands, as stored between updates: the bot's typed state and the
 * language spoken with the person ({@code null} until known). Stored after every update, so a
 * restarted bot carries on where the person left off.
 */
public record Conversation<S>(S state, Language language) {
    public Conversation {
        Objects.requireNonNull(state, "state");
    }
}
