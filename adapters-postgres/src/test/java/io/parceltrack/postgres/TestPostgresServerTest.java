package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests use, decided from the environment and whether the default address answers. */
class TestPostgresServerTest {
    private static final String OTHER = "jdbc:postgresql://db.example:6543/postgres";

    @Test
    void usesTheMachinesServerWhenItAnswers() {
        assertThat(TestPostgresServer.choose(Map.of(), url -> true))
                .isInstanceOfSatisfying(TestPostgresServer.Server.class,
                        server -> assertThat(server.adminUrl()).isEqualTo(TestPostgresServer.DEFAULT_URL));
    }

    @Test
    void startsABundledServerWhenNothingAnswers() {
        assertThat(TestPostgresServer.choose(Map.of(), url -> false)).isInstanceOf(TestPostgresServer.Embedded.class);
    }

    @Test
    void embeddedWhenAskedEvenIfAServerAnswers() {
        assertThat(TestPostgresServer.choose(Map.of("PARCELTRACK_TEST_PG", "embedded"), url -> true))
                .isInstanceOf(TestPostgresServer.Embedded.class);
    }

    @Test
    void aNamedServerIsUsedAsItIsNeverReplaced() {
        assertThat(TestPostgresServer.choose(Map.of("PARCELTRACK_TEST_PG_URL", OTHER), url -> false))
                .isEqualTo(new TestPostgresServer.Server(OTHER, "PARCELTRACK_TEST_PG_URL names it"));
        assertThat(TestPostgresServer.choose(Map.of("PARCELTRACK_TEST_PG", "server"), url -> false))
                .isInstanceOfSatisfying(TestPostgresServer.Server.class,
                        server -> assertThat(server.adminUrl()).isEqualTo(TestPostgresServer.DEFAULT_URL));
    }

    @Test
    void refusesAnUnknownChoice() {
        assertThatThrownBy(() -> TestPostgresServer.choose(Map.of("PARCELTRACK_TEST_PG", "docker"), url -> true))
                .hasMessageContaining("'embedded' or 'server'");
    }

    @Test
    void probesOnlyTheHostAndPortOfTheUrl() {
        assertThat(TestPostgresServer.answers("jdbc:postgresql://127.0.0.1:1/postgres")).isFalse();
        assertThat(TestPostgresServer.answers("not a url")).isFalse();
    }
}
