package io.parceltrack.rest;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8288 {@code Link} header of a paged list: {@code next} while another page follows,
 * {@code prev} after the first page, so a client can walk the list without counting.
 */
final class PageLinks {
    private PageLinks() {}

    static ApiResponse add(ApiResponse response, String path, Page<?> page) {
        PageRequest request = page.request();
        List<String> links = new ArrayList<>(2);
        if (page.hasNext() && request.page() < PageRequest.MAX_PAGE) {
            links.add(link(path, request.next(), "next"));
        }
        if (request.page() > 1) {
            links.add(link(path, new PageRequest(request.page() - 1, request.size()), "prev"));
        }
        return links.isEmpty() ? response : response.withHeader("Link", String.join(", ", links));
    }

    private static String link(String path, PageRequest target, String relation) {
        return "<" + path + "?" + FieldVocabulary.PAGE_PARAMETER + "=" + target.page() + "&"
                + FieldVocabulary.PAGE_SIZE_PARAMETER + "=" + target.size() + ">; rel=\"" + relation + "\"";
    }
}
