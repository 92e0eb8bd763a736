package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.trace.TraceContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request works within a trace, the caller's if it sent a valid {@code traceparent}; the
 * answer names the request's span, and the checkpoint's event remembers it.
 */
class RequestTraceIT {
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    @Test
    void continuesTheCallersTraceIntoTheCheckpointsEvent() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        drainOutbox();

        HttpResponse<String> answer = http.post("/api/v1/checkpoints", toJson(Payloads.newCheckpoint(trackNumber)))
                .token(token).header(TraceContext.HEADER, CALLER).send();

        assertThat(answer.statusCode()).isEqualTo(201);
        TraceContext request = answered(answer);
        assertThat(request.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(request.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(drainOutbox()).singleElement().extracting(ParcelEvent::trace).isEqualTo(request.traceparent());
    }

    @Test
    void startsATraceForARequestWithoutOne() {
        TraceContext first = answered(http.get("/health/live").send());
        TraceContext second = answered(http.get("/health/live").send());

        assertThat(first.traceId()).isNotEqualTo(second.traceId());
        assertThat(first.sampled()).isTrue();
    }

    @Test
    void startsAFreshTraceRatherThanTrustAMalformedHeader() {
        for (String malformed : List.of(CALLER + "-extra", CALLER.toUpperCase(), CALLER + "0".repeat(4000))) {
            HttpResponse<String> answer = http.get("/health/live").header(TraceContext.HEADER, malformed).send();

            assertThat(answered(answer).traceId()).as(malformed).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void answersATraceEvenForARouteThatDoesNotExist() {
        HttpResponse<String> answer = http.get("/no/such/route").header(TraceContext.HEADER, CALLER).send();

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answered(answer).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private static TraceContext answered(HttpResponse<String> answer) {
        String header = answer.headers().firstValue(TraceContext.HEADER).orElseThrow();
        return TraceContext.parse(header).orElseThrow(() -> new AssertionError("not a traceparent: " + header));
    }

    private static List<ParcelEvent> drainOutbox() {
        List<ParcelEvent> events = new ArrayList<>();
        api.parcelDatabase.drain(1000, events::addAll);
        return events;
    }
}
