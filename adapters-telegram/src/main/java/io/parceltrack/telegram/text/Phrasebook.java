package io.parceltrack.telegram.text;

import io.parceltrack.telegram.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The phrases of one language, loaded from {@code phrases_<code>.properties}. Arguments replace
 * {@code {0}}, {@code {1}}, ...; an argument that is not {@link Markup} is escaped first.
 */
public final class Phrasebook {
    private final Language language;
    private final Map<Text, String> phrases;

    private Phrasebook(Language language, Map<Text, String> phrases) {
        this.language = language;
        this.phrases = phrases;
    }

    /** Loads a language; fails if any phrase is missing, so a gap shows at startup, not in a chat. */
    public static Phrasebook load(Language language) {
        String resource = "phrases_" + language.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<Text, String> phrases = new EnumMap<>(Text.class);
        List<String> missing = new ArrayList<>();
        for (Text text : Text.values()) {
            String phrase = properties.getProperty(text.key());
            if (phrase == null) {
                missing.add(text.key());
            } else {
                phrases.put(text, phrase);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(resource + " lacks " + missing);
        }
        return new Phrasebook(language, phrases);
    }

    public Language language() {
        return language;
    }

    /** The phrase as markup, with escaped arguments. */
    public Markup phrase(Text text, Object... args) {
        String template = phrases.get(text);
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(template, i + 1, close)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                Object arg = index < args.length ? args[index] : "";
                out.append(arg instanceof Markup markup ? markup.html() : Markup.escaped(String.valueOf(arg)).html());
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return Markup.trusted(out.toString());
    }

    /**
     * The phrase as plain text, for places without markup: button labels, command descriptions,
     * answers to button presses. Arguments go in as they are.
     */
    public String plain(Text text, Object... args) {
        String template = phrases.get(text);
        for (int index = 0; index < args.length; index++) {
            template = template.replace("{" + index + "}", String.valueOf(args[index]));
        }
        return template;
    }

    private static boolean isIndex(String template, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(template.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
