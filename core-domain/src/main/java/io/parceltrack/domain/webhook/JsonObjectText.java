package io.parceltrack.domain.webhook;

/**
 * Writes one JSON object, field by field, in the order given. Webhook bodies are built here, in the
 * domain, because the exact bytes are signed and stored once, then sent unchanged on every attempt.
 */
final class JsonObjectText {
    private final StringBuilder text = new StringBuilder("{");

    JsonObjectText field(String name, String value) {
        separate();
        quote(name);
        text.append(':');
        quote(value);
        return this;
    }

    JsonObjectText field(String name, JsonObjectText value) {
        separate();
        quote(name);
        text.append(':').append(value);
        return this;
    }

    private void separate() {
        if (text.length() > 1) {
            text.append(',');
        }
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    // Control characters must be escaped; U+2028/2029 too, for receivers that eval JSON as script.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    @Override
    public String toString() {
        return text + "}";
    }
}
