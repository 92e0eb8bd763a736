package io.parceltrack.telegram.chat;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How one bot's conversation states are stored: {@link #type()} is a sealed interface whose
 * records Jackson writes and reads by their type names (see its annotations), and
 * {@link #fromVersion1} reads the states stored before they were typed.
 */
public interface StateFormat<S> {
    Class<S> type();

    /** The state a chat starts in, and falls back to when its stored state cannot be read. */
    S fresh();

    /**
     * A state stored by the first format: a step name and text values such as {@code fullName} or
     * {@code forecast} (epoch milliseconds). Values that no longer make sense lead to the start of
     * the dialogue they belonged to.
     */
    S fromVersion1(String step, Map<String, String> values);

    /** The state built from stored values, or {@code fallback} if they no longer pass today's checks. */
    static <S> S storedOr(Supplier<S> stored, S fallback) {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
