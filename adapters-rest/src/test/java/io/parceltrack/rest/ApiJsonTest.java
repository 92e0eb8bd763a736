package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    private final ApiJson json = new ApiJson();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertMalformed(byte[] body) {
        assertThatThrownBy(() -> json.read(body)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void readsAJsonObject() {
        assertThat(json.read(utf8("{\"parcel_name\":\"Чехол\"}")).get("parcel_name").asText()).isEqualTo("Чехол");
    }

    @Test
    void ignoresAByteOrderMark() {
        assertThat(json.read(utf8("\uFEFF{\"a\":1}")).get("a").asInt()).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotExactlyOneJsonDocumentInUtf8() {
        assertMalformed(new byte[0]);
        assertMalformed(utf8("{\"a\":1} {}"));
        assertMalformed(utf8("{\"a\":1,\"a\":2}"));
        assertMalformed(utf8("[".repeat(100) + "]".repeat(100)));
        assertMalformed("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16));
        assertMalformed(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    }

    @Test
    void aMalformedBodyIsExplainedWithItsPositionWithoutControlCharacters() {
        assertThatThrownBy(() -> json.read(utf8("{\n\"a\": \u0001}")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.detail())
                        .contains("line 2").doesNotContain("\u0001"));
    }

    @Test
    void writesResponseRecordsInSnakeCase() {
        assertThat(json.write(new NewParcelJson("VF834349180"))).isEqualTo("{\"parcel_track_number\":\"VF834349180\"}");
    }

    @Test
    void writesProblemsWithTheirMembersInOrderAndExtensionsAtTheTopLevel() {
        Problem problem = Problem.of(ProblemType.UNAVAILABLE, "not ready", "/health/ready", List.of(),
                Map.of("checks", Map.of("parcels", "DOWN")));

        assertThat(json.write(problem)).isEqualTo("{\"type\":\"urn:parceltrack:problem:unavailable\","
                + "\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"not ready\",\"instance\":\"/health/ready\","
                + "\"checks\":{\"parcels\":\"DOWN\"}}");
    }

    @Test
    void aProblemForAStatusWeHaveNoTypeForIsAboutBlank() {
        Problem problem = Problem.forStatus(414, "too long", null);

        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.title()).isEqualTo("URI Too Long");
        assertThat(json.write(problem)).doesNotContain("instance");
    }
}
