package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.text.Markup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A message the bot shows: HTML text and rows of inline buttons. */
public record OutgoingMessage(Markup text, List<List<Button>> keyboard) {

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        keyboard = keyboard.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
    }

    public static OutgoingMessage of(Markup text) {
        return new OutgoingMessage(text, List.of());
    }

    /** The same message with one more row of buttons. */
    public OutgoingMessage withRow(Button... buttons) {
        return withRow(Arrays.asList(buttons));
    }

    public OutgoingMessage withRow(List<Button> buttons) {
        List<List<Button>> rows = new ArrayList<>(keyboard);
        rows.add(List.copyOf(buttons));
        return new OutgoingMessage(text, rows);
    }

    /** A note above the text, e.g. why the previous answer was refused. */
    public OutgoingMessage withNotice(Markup notice) {
        return new OutgoingMessage(notice.paragraph(text), keyboard);
    }
}
