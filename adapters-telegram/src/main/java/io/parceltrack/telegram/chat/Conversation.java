package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.Language;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one chat's dialogue stands: the current step of the bot's state machine, the language we
 * speak with the person, and the answers collected so far. Stored after every update, so a
 * restarted bot carries on where the person left off.
 */
public final class Conversation {
    private String step;
    private Language language;
    private final Map<String, String> values = new TreeMap<>();

    public Conversation(String step, Language language, Map<String, String> values) {
        this.step = step;
        this.language = language;
        this.values.putAll(values);
    }

    public String step() {
        return step;
    }

    /** The step as one of the bot's steps; {@code fallback} if it is unknown (stored by another version). */
    public <E extends Enum<E>> E step(Class<E> steps, E fallback) {
        for (E candidate : steps.getEnumConstants()) {
            if (candidate.name().equals(step)) {
                return candidate;
            }
        }
        return fallback;
    }

    public void moveTo(Enum<?> next) {
        step = next.name();
    }

    /** Moves to {@code next} and forgets the answers of the previous dialogue. */
    public void startOver(Enum<?> next) {
        values.clear();
        moveTo(next);
    }

    public Language language() {
        return language;
    }

    public void speak(Language newLanguage) {
        language = newLanguage;
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String valueOr(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }
}
