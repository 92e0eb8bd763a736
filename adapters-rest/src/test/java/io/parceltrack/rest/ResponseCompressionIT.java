package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** JSON answers are gzipped for a client that accepts it once they are large enough, and only then. */
class ResponseCompressionIT {

    @Test
    void gzipsALargeJsonAnswerForAClientThatAcceptsIt() {
        try (RunningApi api = RunningApi.with().start()) {
            HttpCalls http = new HttpCalls(api);
            HttpResponse<String> accepting = http.get(OpenApiDocument.PATH).header("Accept-Encoding", "gzip").send();
            HttpResponse<String> plain = http.get(OpenApiDocument.PATH).send();

            assertThat(accepting.statusCode()).isEqualTo(200);
            assertThat(accepting.headers().firstValue("Content-Type")).hasValue(JsonRequestBody.MEDIA_TYPE);
            assertThat(accepting.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void leavesASmallJsonAnswerAsItIs() {
        try (RunningApi api = RunningApi.with().start()) {
            HttpResponse<String> live = new HttpCalls(api).get("/health/live").header("Accept-Encoding", "gzip").send();

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(live.body()).contains("UP");
        }
    }
}
