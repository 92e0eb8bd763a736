package io.parceltrack.telegram.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An inline button: a label and the data its press brings back (Telegram allows 1 to 64 bytes). */
public record Button(String label, String data) {
    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(data, "data");
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (label.isBlank() || bytes < 1 || bytes > 64) {
            throw new IllegalArgumentException("a button needs a label and 1 to 64 bytes of data: " + data);
        }
    }
}
