package io.parceltrack.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {
    private final List<Integer> reads = new ArrayList<>();

    /** A list of {@code items} numbers, five a page, that records which pages were read. */
    private Page<Integer> read(int items, int number) {
        reads.add(number);
        PageRequest request = new PageRequest(number, 5);
        List<Integer> rows = IntStream.range(0, items).skip(request.offset()).limit(6).boxed().toList();
        return Page.fromLookahead(rows, request);
    }

    @Test
    void showsTheRequestedPageWhenItHasItems() {
        assertThat(Pages.load(2, number -> read(12, number)).items()).containsExactly(5, 6, 7, 8, 9);
        assertThat(reads).containsExactly(2);
    }

    @Test
    void stepsBackOnePageWhenTheLastItemOfTheLastPageWentAway() {
        Page<Integer> page = Pages.load(3, number -> read(10, number));

        assertThat(page.request().page()).isEqualTo(2);
        assertThat(reads).containsExactly(3, 2);
    }

    @Test
    void answersAForgedPageInThreeReadsAtMostNeverWalkingBack() {
        Page<Integer> page = Pages.load(PageRequest.MAX_PAGE, number -> read(12, number));

        assertThat(page.request().page()).isEqualTo(1);
        assertThat(reads).containsExactly(PageRequest.MAX_PAGE, PageRequest.MAX_PAGE - 1, 1);
    }

    @Test
    void showsAnEmptyFirstPageOfAnEmptyList() {
        assertThat(Pages.load(2, number -> read(0, number)).items()).isEmpty();
        assertThat(reads).containsExactly(2, 1);
    }
}
