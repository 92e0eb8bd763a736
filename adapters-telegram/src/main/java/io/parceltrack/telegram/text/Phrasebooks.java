package io.parceltrack.telegram.text;

import io.parceltrack.telegram.Language;
import java.util.EnumMap;
import java.util.Map;

/** The phrasebooks of every language the bots speak, loaded (and checked complete) once. */
public final class Phrasebooks {
    private final Map<Language, Phrasebook> books = new EnumMap<>(Language.class);

    public Phrasebooks() {
        for (Language language : Language.values()) {
            books.put(language, Phrasebook.load(language));
        }
    }

    public Phrasebook of(Language language) {
        return books.get(language);
    }
}
