package io.parceltrack.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string's parameters, decoded strictly. Javalin's own parsing skips what it cannot
 * decode, which would turn {@code ?page=%zz} into "page 1"; here broken encoding is the client's
 * error and answered with 400.
 */
final class QueryString {
    private QueryString() {}

    /**
     * @throws ApiProblem (400) if a name or value is not correctly percent-encoded UTF-8
     */
    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String encoded) {
        try {
            String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0 && encoded.indexOf('\uFFFD') < 0) {
                throw new IllegalArgumentException("not UTF-8");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST,
                    "the query string is not correctly percent-encoded UTF-8");
        }
    }
}
