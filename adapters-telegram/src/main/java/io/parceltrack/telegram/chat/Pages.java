package io.parceltrack.telegram.chat;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.telegram.text.Text;
import java.util.function.IntFunction;

/**
 * Loads the page a button asks for. A page past the end — the list shrank since the button was
 * made, or the press was forged ({@code subs:100000}) — falls back in one step: to the page before
 * (the last item of the last page went away), else to the first page. At most three reads, never a
 * walk back page by page.
 */
public final class Pages {
    private Pages() {}

    public static <T> Page<T> load(int requested, IntFunction<Page<T>> read) {
        Page<T> page = read.apply(requested);
        if (!page.items().isEmpty() || requested == 1) {
            return page;
        }
        Page<T> before = read.apply(requested - 1);
        if (!before.items().isEmpty() || requested == 2) {
            return before;
        }
        return read.apply(1);
    }

    /**
     * Says so on the pressed button when the page shown is not the one asked for, beyond the one-page
     * shrink a list has after a removal (a forged or very old button). Call before answering the press.
     */
    public static void noteIfAstray(Turn<?> turn, int requested, Page<?> shown) {
        if (shown.request().page() < requested - 1) {
            turn.answerPress(turn.texts().plain(Text.PAGE_GONE));
        }
    }
}
