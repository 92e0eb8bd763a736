package io.parceltrack.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} lists field errors of invalid input; {@code extensions}
 * are further members a kind of problem defines (e.g. the readiness checks of a 503).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, extensions);
    }

    /** A problem for a status chosen elsewhere (Jetty, Javalin): our type if we have one, else {@code about:blank}. */
    static Problem forStatus(int status, String detail, String instance) {
        return ProblemType.forStatus(status)
                .map(type -> of(type, detail, instance, List.of(), Map.of()))
                .orElseGet(() -> new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail,
                        instance, List.of(), Map.of()));
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
