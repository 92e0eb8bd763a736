package io.parceltrack.telegram.emulator;

/** A button under a message: its label and the data a press sends back to the bot. */
public record InlineButton(String text, String callbackData) {}
