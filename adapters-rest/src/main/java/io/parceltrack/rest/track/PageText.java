package io.parceltrack.rest.track;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The page's words in each language, from {@code page_<code>.properties} (UTF-8). Placeholders are
 * {@code {0}}, {@code {1}}, filled with plain text; escaping is the HTML writer's job, not this one's.
 */
final class PageText {
    private final Map<PageLanguage, Properties> phrases = new EnumMap<>(PageLanguage.class);

    PageText() {
        for (PageLanguage language : PageLanguage.values()) {
            phrases.put(language, load(language));
        }
    }

    /** The phrase {@code key} in {@code language}, its placeholders filled with {@code values}. */
    String get(PageLanguage language, String key, Object... values) {
        String phrase = phrases.get(language).getProperty(key);
        if (phrase == null) {
            throw new IllegalArgumentException("no phrase '" + key + "' in " + language.code());
        }
        for (int i = 0; i < values.length; i++) {
            phrase = phrase.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return phrase;
    }

    /** Every key of {@code language}; the languages must have the same ones. */
    Set<String> keys(PageLanguage language) {
        return phrases.get(language).stringPropertyNames();
    }

    /** A view of this text for one language, so that views need not pass the language along. */
    Words in(PageLanguage language) {
        return new Words(this, language);
    }

    /** The phrases of one language. */
    record Words(PageText text, PageLanguage language) {
        String get(String key, Object... values) {
            return text.get(language, key, values);
        }
    }

    private static Properties load(PageLanguage language) {
        String resource = "page_" + language.code() + ".properties";
        try (InputStream in = PageText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the phrases " + resource + " are missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
