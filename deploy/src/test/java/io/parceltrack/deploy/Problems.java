package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Asserts that a rule found nothing, listing everything it did find, one problem a line. */
final class Problems {
    private Problems() {}

    static void assertNone(List<String> problems) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " problem(s):"
                        + problems.stream().map(problem -> "\n  - " + problem).collect(Collectors.joining()))
                .isEmpty();
    }

    /** Applies a per-container rule to each container, all problems together. */
    static List<String> each(Function<AppContainer, List<String>> rule, List<AppContainer> containers) {
        return containers.stream().flatMap(container -> rule.apply(container).stream()).toList();
    }
}
