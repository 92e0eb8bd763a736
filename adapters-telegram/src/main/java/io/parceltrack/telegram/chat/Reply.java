package io.parceltrack.telegram.chat;

/** What the bot does in answer to one update, in order. */
public sealed interface Reply {
    /** A new message in the chat. */
    record Send(OutgoingMessage message) implements Reply {}

    /** Changes an earlier message of the bot in place (text and buttons). */
    record Edit(int messageId, OutgoingMessage message) implements Reply {}

    /** Stops the button's spinner, with a short note (may be empty). */
    record AnswerPress(String callbackId, String text) implements Reply {}
}
