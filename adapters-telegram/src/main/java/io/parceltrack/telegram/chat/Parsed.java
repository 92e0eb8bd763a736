package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.text.Markup;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A typed answer, read once: either the value it means, or why it was refused, in the person's
 * language. Step handlers get the value and never parse the text again.
 */
public sealed interface Parsed<T> {

    record Accepted<T>(T value) implements Parsed<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(Markup reason) implements Parsed<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Parsed<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Parsed<T> refused(Markup reason) {
        return new Refused<>(reason);
    }

    /** Runs {@code onAccepted} with the value, or {@code onRefused} with the reason. */
    default void then(Consumer<? super T> onAccepted, Consumer<Markup> onRefused) {
        if (this instanceof Accepted<T> accepted) {
            onAccepted.accept(accepted.value());
        } else {
            onRefused.accept(((Refused<T>) this).reason());
        }
    }

    /** The accepted value transformed, or the same refusal. */
    default <R> Parsed<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return accepted(mapper.apply(accepted.value()));
        }
        return refused(((Refused<T>) this).reason());
    }
}
