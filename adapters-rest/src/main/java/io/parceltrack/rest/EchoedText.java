package io.parceltrack.rest;

/**
 * Client-supplied text that an answer or a log line repeats (an unknown field name, a parser's
 * complaint quoting the input): shortened, with control characters and broken Unicode replaced, so
 * it can neither bloat an answer, forge log lines, nor make the JSON writer fail.
 */
final class EchoedText {
    private EchoedText() {}

    static String of(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(raw.length(), maxCodePoints + 1));
        int kept = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (kept == maxCodePoints) {
                clean.append('…');
                break;
            }
            boolean unsafe = Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            clean.appendCodePoint(unsafe ? '?' : cp);
            kept++;
        }
        return clean.toString();
    }
}
