package io.parceltrack.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the API reads and writes JSON. Response records use Java names and are written in
 * snake_case ({@code parcelTrackNumber} → {@code parcel_track_number}). Reading is strict: duplicate
 * keys and trailing content are errors, and nesting is capped so a hostile body cannot exhaust the stack.
 */
final class ApiJson {
    private static final int MAX_NESTING_DEPTH = 32;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final ObjectMapper mapper;

    ApiJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The body as a JSON tree. JSON between systems is UTF-8 (RFC 8259); Jackson would guess
     * UTF-16 and UTF-32 too, so the bytes are decoded strictly first. A leading byte order mark is
     * ignored, as the RFC allows.
     *
     * @throws ApiProblem (400) if it is not one well-formed JSON document in UTF-8
     */
    JsonNode read(byte[] body) {
        if (body.length == 0) {
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST, "the request body is empty; a JSON object is expected");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST, "the request body is not valid UTF-8");
        }
        try {
            return mapper.readTree(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
        } catch (IOException e) {
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST, "the request body is not valid JSON: " + reason(e));
        }
    }

    /** Jackson's own words for what is wrong and where, cleaned because they may quote the input. */
    private static String reason(IOException e) {
        if (e instanceof JsonProcessingException processing) {
            String message = processing.getOriginalMessage();
            var location = processing.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            int newline = message == null ? -1 : message.indexOf('\n');
            String firstLine = newline < 0 ? message : message.substring(0, newline);
            return EchoedText.of(firstLine, 200) + where;
        }
        return "unreadable content";
    }
}
