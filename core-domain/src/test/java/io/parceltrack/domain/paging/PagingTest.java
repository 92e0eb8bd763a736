package io.parceltrack.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void pagesAreOneBasedAndBounded() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
        assertThatThrownBy(() -> new PageRequest(0, 101))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("page", "pageSize"));
    }

    @Test
    void theLastPageOffsetDoesNotOverflow() {
        assertThat(new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset()).isEqualTo(9_999_900L);
    }

    @Test
    void aLookaheadRowRevealsANextPage() {
        PageRequest request = new PageRequest(1, 2);

        assertThat(Page.fromLookahead(List.of("a", "b", "c"), request))
                .extracting(Page::items, Page::hasNext)
                .containsExactly(List.of("a", "b"), true);
        assertThat(Page.fromLookahead(List.of("a", "b"), request))
                .extracting(Page::items, Page::hasNext)
                .containsExactly(List.of("a", "b"), false);
    }

    @Test
    void mappingKeepsThePageShape() {
        Page<Integer> lengths = Page.fromLookahead(List.of("ab", "c"), new PageRequest(2, 5)).map(String::length);

        assertThat(lengths).extracting(Page::items, p -> p.request().page(), Page::hasNext)
                .containsExactly(List.of(2, 1), 2, false);
    }
}
