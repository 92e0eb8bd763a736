package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesNamesAndValuesKeepingRepeatsInOrder() {
        Map<String, List<String>> query = QueryString.parse("page=2&page_size=%32%30&tag=a+b&tag=%C3%A9&flag");

        assertThat(query).containsExactly(
                Map.entry("page", List.of("2")),
                Map.entry("page_size", List.of("20")),
                Map.entry("tag", List.of("a b", "é")),
                Map.entry("flag", List.of("")));
    }

    @Test
    void keepsAnEncodedReplacementCharacterAsSent() {
        assertThat(QueryString.parse("q=%EF%BF%BD")).containsEntry("q", List.of("\uFFFD"));
    }

    @Test
    void anAbsentOrEmptyQueryHasNoParameters() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
        assertThat(QueryString.parse("&&")).isEmpty();
    }

    @Test
    void refusesBrokenPercentEncoding() {
        for (String broken : List.of("page=%zz", "page=%2", "page=%", "%C3%28=1", "page=%FF")) {
            assertThatThrownBy(() -> QueryString.parse(broken)).as(broken)
                    .isInstanceOfSatisfying(ApiProblem.class,
                            problem -> assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
        }
    }
}
