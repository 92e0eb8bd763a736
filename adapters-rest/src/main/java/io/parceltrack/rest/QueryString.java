package io.parceltrack.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query string's parameters, decoded strictly (the manager API and the tracking page read it so). Javalin's own parsing skips what it cannot
 * decode, which would turn {@code ?page=%zz} into "page 1"; here broken encoding is the client's
 * error and answered with 400.
 */
public final class QueryString {
    private QueryString() {}

    /**
     * @throws ApiProblem (400) if a name or value is not correctly percent-encoded UTF-8
     */
    static Map<String, List<String>> parse(String raw) {
        return tryParse(raw).orElseThrow(QueryString::malformed);
    }

    /** The parameters by name, in order; empty if a name or value is not correctly percent-encoded UTF-8. */
    public static Optional<Map<String, List<String>>> tryParse(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Optional.of(parameters);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Optional<String> value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            parameters.computeIfAbsent(name.get(), key -> new ArrayList<>()).add(value.get());
        }
        return Optional.of(parameters);
    }

    /** Percent-decoding into bytes, then strict UTF-8: {@code %FF} is an error, not a replacement character. */
    private static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ApiProblem malformed() {
        return new ApiProblem(ProblemType.MALFORMED_REQUEST, "the query string is not correctly percent-encoded UTF-8");
    }
}
