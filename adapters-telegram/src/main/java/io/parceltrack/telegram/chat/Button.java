package io.parceltrack.telegram.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An inline button: a label and what pressing it asks for (Telegram allows 1 to 64 bytes of data). */
public record Button(String label, Callback callback) {
    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(callback, "callback");
        int bytes = callback.data().getBytes(StandardCharsets.UTF_8).length;
        if (label.isBlank() || bytes > 64) {
            throw new IllegalArgumentException("a button needs a label and at most 64 bytes of data: " + callback);
        }
    }

    public String data() {
        return callback.data();
    }
}
