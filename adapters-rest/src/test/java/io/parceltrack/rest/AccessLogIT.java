package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One access log line per request, tied to the answer by a correlation id, and never a token. */
class AccessLogIT {
    private static final String ACCESS_LOGGER = "io.parceltrack.rest.access";

    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    @Test
    void logsOneLineWithMethodRouteStatusManagerAndRequestId() {
        String token = api.newManagerToken();
        String manager = api.accountService.authenticate(token).toString();
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> answer = http.get("/api/v1/parcels?page=1").token(token).send();

            String requestId = answer.headers().firstValue("X-Request-Id").orElseThrow();
            List<String> lines = linesAbout(logs, requestId);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("GET /api/v1/parcels 200 ").contains("manager=" + manager)
                    .contains("request_id=" + requestId).doesNotContain("page=1");
        }
    }

    @Test
    void namesTheRouteTemplateAndTheTrackNumberOfAParcelRequest() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> answer = http.get("/api/v1/parcels/" + trackNumber.toLowerCase()).token(token).send();

            assertThat(linesAbout(logs, answer.headers().firstValue("X-Request-Id").orElseThrow()))
                    .singleElement().asString()
                    .startsWith("GET /api/v1/parcels/{track-number} 200 ")
                    .contains("track_number=" + trackNumber);
        }
    }

    @Test
    void keepsASaneRequestIdFromTheClient() {
        HttpResponse<String> answer = http.get("/health/live").header("X-Request-Id", "trace-42:abc.def").send();

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("trace-42:abc.def");
    }

    @Test
    void replacesARequestIdThatCouldForgeLogLines() {
        String hostile = "x y <script> " + "z".repeat(300);

        HttpResponse<String> answer = http.get("/health/live").header("X-Request-Id", hostile).send();

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void neverLogsTheToken() {
        String token = api.newManagerToken();
        String unknown = "pt_unknownTokenThatMustNotBeLogged0123456789";
        try (LogCapture logs = new LogCapture()) {
            http.get("/api/v1/parcels").token(token).send();
            http.post("/api/v1/parcels", toJson(Payloads.newParcel())).token(token).send();
            http.post("/api/v1/parcels", "{oops").token(token).send();
            http.get("/api/v1/parcels").token(unknown).send();
            http.get("/api/v1/parcels").header("Authorization", token).send();
            http.get("/api/v1/parcels/" + token).token(token).send();

            List<ILoggingEvent> events = logs.events();
            assertThat(events).isNotEmpty();
            assertThat(events).extracting(LogCapture::fullText)
                    .allSatisfy(text -> assertThat(text).doesNotContain(token).doesNotContain(unknown));
        }
    }

    @Test
    void logsRefusedAndUnroutedRequestsToo() {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> unknown = http.get("/no/such/route").send();
            HttpResponse<String> anonymous = http.get("/api/v1/parcels").send();

            assertThat(linesAbout(logs, unknown.headers().firstValue("X-Request-Id").orElseThrow()))
                    .singleElement().asString().startsWith("GET (no route) 404 ").contains("manager=-")
                    .doesNotContain("/no/such/route");
            assertThat(linesAbout(logs, anonymous.headers().firstValue("X-Request-Id").orElseThrow()))
                    .singleElement().asString().startsWith("GET /api/v1/parcels 401 ");
        }
    }

    private static List<String> linesAbout(LogCapture logs, String requestId) {
        return logs.events(ACCESS_LOGGER).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.endsWith("request_id=" + requestId))
                .toList();
    }
}
