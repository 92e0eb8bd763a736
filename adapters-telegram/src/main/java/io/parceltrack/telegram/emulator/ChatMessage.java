package io.parceltrack.telegram.emulator;

import java.util.List;

/**
 * A message in an emulated chat as it stands now. {@code text} is what the person sees (markup
 * applied), {@code markup} what the bot sent; {@code edits} counts how often the bot changed it.
 * Messages the person wrote have {@code fromBot == false}.
 */
public record ChatMessage(
        int messageId,
        boolean fromBot,
        String text,
        String markup,
        String parseMode,
        List<List<InlineButton>> inlineKeyboard,
        List<List<String>> replyKeyboard,
        int edits) {

    public ChatMessage {
        inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
        replyKeyboard = replyKeyboard.stream().map(List::copyOf).toList();
    }

    public List<InlineButton> buttons() {
        return inlineKeyboard.stream().flatMap(List::stream).toList();
    }

    public boolean hasButton(String label) {
        return buttons().stream().anyMatch(button -> button.text().equals(label));
    }
}
