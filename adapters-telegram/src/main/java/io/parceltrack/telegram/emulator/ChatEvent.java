package io.parceltrack.telegram.emulator;

/** Something that happened in an emulated chat, in order; {@code text} is what was shown or typed. */
public record ChatEvent(long sequence, Kind kind, int messageId, String text) {
    public enum Kind {
        PERSON_WROTE,
        PERSON_PRESSED,
        BOT_SENT,
        BOT_EDITED,
        BOT_ANSWERED_PRESS
    }

    public boolean byBot() {
        return kind == Kind.BOT_SENT || kind == Kind.BOT_EDITED || kind == Kind.BOT_ANSWERED_PRESS;
    }
}
