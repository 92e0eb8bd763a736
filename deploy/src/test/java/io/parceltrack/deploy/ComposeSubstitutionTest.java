package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The substitution the compose checks rely on behaves as docker compose documents it. */
class ComposeSubstitutionTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("SET", "value", "EMPTY", "");

    @Test
    void bracedAndBareVariablesTakeTheirValue() {
        assertThat(substitute("a ${SET} $SET b").value()).isEqualTo("a value value b");
    }

    @Test
    void colonDashDefaultsWhenUnsetOrEmptyAndDashOnlyWhenUnset() {
        assertThat(substitute("${EMPTY:-d}|${MISSING:-d}|${EMPTY-d}|${MISSING-d}").value()).isEqualTo("d|d||d");
    }

    @Test
    void questionMarkFailsWithItsMessageWhenTheVariableIsMissing() {
        ComposeSubstitution.Result result = substitute("${MISSING:?set MISSING in .env}${EMPTY:?needed}${EMPTY?fine}");

        assertThat(result.errors()).containsExactly("MISSING: set MISSING in .env", "EMPTY: needed");
    }

    @Test
    void plusReplacesOnlyWhatIsSet() {
        assertThat(substitute("${SET:+yes}|${EMPTY:+yes}|${EMPTY+yes}|${MISSING+yes}").value()).isEqualTo("yes||yes|");
    }

    @Test
    void aBareVariableThatIsNotSetIsAnErrorNotASilentEmptyString() {
        ComposeSubstitution.Result result = substitute("${MISSING}");

        assertThat(result.value()).isEmpty();
        assertThat(result.errors()).containsExactly("MISSING is not set and has no default");
    }

    @Test
    void doubleDollarIsALiteralDollarAndNoVariable() {
        ComposeSubstitution.Result result = substitute("pa$$word");

        assertThat(result.value()).isEqualTo("pa$word");
        assertThat(result.variables()).isEmpty();
    }

    @Test
    void recordsEveryVariableItReads() {
        assertThat(substitute("${SET} ${MISSING:-x} $EMPTY").variables()).containsExactlyInAnyOrder("SET", "MISSING", "EMPTY");
    }

    private static ComposeSubstitution.Result substitute(String text) {
        return ComposeSubstitution.substitute(text, ENVIRONMENT);
    }
}
