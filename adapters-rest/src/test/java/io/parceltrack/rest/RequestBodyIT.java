package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.toJson;
import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a POST body must be: JSON in UTF-8, uncompressed, within the size limit. */
class RequestBodyIT {
    private static final int LIMIT = 4096;
    @RegisterExtension
    static final RunningApi api = RunningApi.with().settings(settings -> settings.withMaxBodyBytes(LIMIT)).start();
    private static final HttpCalls http = new HttpCalls(api);
    private static final String token = api.newManagerToken();

    private static String parcelOfSize(int bytes) {
        String base = toJson(Payloads.with(Payloads.newParcel(), "parcel_description", ""));
        String padding = " ".repeat(bytes - base.length());
        return base.substring(0, base.length() - 1) + padding + "}";
    }

    @Test
    void acceptsABodyExactlyAtTheLimit() {
        String body = parcelOfSize(LIMIT);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);

        assertThat(http.post("/api/v1/parcels", body).token(token).send().statusCode()).isEqualTo(201);
    }

    @Test
    void refusesADeclaredBodyOverTheLimit() {
        HttpResponse<String> refused = http.post("/api/v1/parcels", parcelOfSize(LIMIT + 1)).token(token).send();

        assertProblem(refused, 413, "urn:parceltrack:problem:content-too-large");
    }

    @Test
    void theSenderOfALargeBodyAlwaysReadsThe413() {
        // 20x the limit: still being written when the server decides. Closing the connection on it
        // then made the client lose the answer in about 1 request out of 20.
        String body = parcelOfSize(LIMIT * 20);

        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> refused = http.post("/api/v1/parcels", body).token(token).send();
            assertThat(refused.statusCode()).as("attempt " + attempt).isEqualTo(413);
        }
    }

    @Test
    void refusesAStreamedBodyThatGrowsOverTheLimit() throws Exception {
        byte[] body = parcelOfSize(LIMIT * 3).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(api.uri("/api/v1/parcels"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertProblem(refused, 413, "urn:parceltrack:problem:content-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", "application/jsonx", "json"})
    void refusesOtherContentTypes(String contentType) {
        HttpResponse<String> refused = http.post("/api/v1/parcels", toJson(Payloads.newParcel()))
                .header("Content-Type", contentType).token(token).send();

        assertProblem(refused, 415, "urn:parceltrack:problem:unsupported-media-type");
    }

    @Test
    void refusesABodyWithoutContentType() {
        HttpResponse<String> refused = http.post("/api/v1/parcels", toJson(Payloads.newParcel()))
                .withoutHeader("Content-Type").token(token).send();

        assertProblem(refused, 415, "urn:parceltrack:problem:unsupported-media-type");
    }

    @Test
    void acceptsJsonWithAnExplicitUtf8Charset() {
        HttpResponse<String> created = http.post("/api/v1/parcels", toJson(Payloads.newParcel()))
                .header("Content-Type", "Application/JSON; charset=\"UTF-8\"").token(token).send();

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void refusesACompressedBody() {
        HttpResponse<String> refused = http.post("/api/v1/parcels", toJson(Payloads.newParcel()))
                .header("Content-Encoding", "gzip").token(token).send();

        assertProblem(refused, 415, "urn:parceltrack:problem:unsupported-media-type");
    }

    @Test
    void explainsWhereTheJsonBreaks() {
        HttpResponse<String> refused = http.post("/api/v1/parcels", "{\n  \"parcel_name\": \"x\",\n  oops\n}")
                .token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:malformed-request");
        assertThat(HttpCalls.json(refused).get("detail").asText()).contains("line 3");
    }

    @Test
    void refusesDuplicateFields() {
        HttpResponse<String> refused = http.post("/api/v1/parcels",
                "{\"parcel_name\":\"Phone case\",\"parcel_name\":\"Other\"}").token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:malformed-request");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        for (String body : new String[] {"[]", "\"text\"", "42", "null"}) {
            HttpResponse<String> refused = http.post("/api/v1/parcels", body).token(token).send();

            assertProblem(refused, 400, "urn:parceltrack:problem:malformed-request");
        }
    }

    @Test
    void acceptsUnicodeTextAndStoresItAsSent() {
        Map<String, Object> parcel = Payloads.with(Payloads.newParcel(), "parcel_name", "Чехол для телефона 📱");

        HttpResponse<String> created = http.post("/api/v1/parcels", toJson(parcel)).token(token).send();
        HttpResponse<String> read = http.get(created.headers().firstValue("Location").orElseThrow()).token(token).send();

        assertThat(HttpCalls.json(read).get("parcel_name").asText()).isEqualTo("Чехол для телефона 📱");
    }
}
