package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hundreds of generated malformed requests (broken JSON, wrong types, missing and unknown fields,
 * huge strings, bad dates, enums and track numbers, wrong content types, absent, foreign and
 * invalid tokens, bad paths, queries, methods and raw HTTP). Every one must be refused with a 4xx
 * problem document, with a status the OpenAPI document lists for its route, and must never reach
 * the "unexpected failure" path.
 */
class MalformedRequestBarrageIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String PARCELS = "/api/v1/parcels";
    private static final String CHECKPOINTS = "/api/v1/checkpoints";
    private static final List<String> TEXT_FIELDS_OF_PARCEL =
            List.of("parcel_name", "parcel_recipient", "parcel_arrival_address", "parcel_description");

    private static RunningApi api;
    private static HttpCalls http;
    private static OpenApiSpec spec;
    private static String owner;
    private static String stranger;
    private static String trackNumber;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        http = new HttpCalls(api);
        spec = new OpenApiSpec(json(http.get("/api/v1/openapi.json").send()));
        owner = api.newManagerToken();
        stranger = api.newManagerToken();
        trackNumber = http.createParcel(owner);
        logs = new LogCapture();
    }

    @AfterAll
    static void stop() {
        logs.close();
        api.close();
    }

    /** A request spelled out for {@link HttpCalls}. */
    private record Bad(String name, String method, String path, Map<String, String> headers, byte[] body) {
        Bad header(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Bad(name, method, path, more, body);
        }

        Bad withName(String newName) {
            return new Bad(newName, method, path, headers, body);
        }
    }

    private static Bad post(String name, String path, String body) {
        return new Bad(name, "POST", path, Map.of("Content-Type", "application/json", "Authorization", owner),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Bad request(String name, String method, String path) {
        return new Bad(name, method, path, Map.of("Authorization", owner), null);
    }

    // --- generation

    static List<Bad> generated() {
        List<Bad> cases = new ArrayList<>();
        cases.addAll(brokenBodies());
        cases.addAll(parcelFieldMutations());
        cases.addAll(checkpointFieldMutations());
        cases.addAll(unknownFields());
        cases.addAll(contentTypes());
        cases.addAll(credentials());
        cases.addAll(trackNumbersInPaths());
        cases.addAll(queries());
        cases.addAll(methodsAndRoutes());
        cases.addAll(idempotencyKeys());
        return cases;
    }

    private static List<Bad> brokenBodies() {
        List<String> bodies = new ArrayList<>(List.of("", " ", "\n\t ", "{", "}", "[", "]", "{]", "nul", "null", "true",
                "0", "-1", "\"x\"", "[]", "[{}]", "{}", "{\"a\":}", "{'parcel_name':'x'}", "{parcel_name:\"x\"}",
                "{\"parcel_name\":\"Phone case\",}", "{} {}", "{}x", "{\"a\":1}{", "/*c*/{}", "// c\n{}",
                "{\"parcel_name\":\"\\uZZZZ\"}", "{\"parcel_name\":\"unterminated}", "{\"parcel_name\":1e99999999}",
                "{\"parcel_name\":NaN}", "{\"parcel_name\":Infinity}", "{\"parcel_name\":01}",
                "{\"parcel_name\":\"a\",\"parcel_name\":\"b\"}", "\uFEFF{}", "\u0000", "{\"\u0000\":1}",
                "[".repeat(5_000), "{\"a\":".repeat(2_000), " ".repeat(60_000),
                "{\"parcel_name\":\"" + "x".repeat(70 * 1024) + "\"}"));
        List<Bad> cases = new ArrayList<>();
        for (String path : List.of(PARCELS, CHECKPOINTS)) {
            for (int i = 0; i < bodies.size(); i++) {
                cases.add(post("broken body #" + i + " to " + path, path, bodies.get(i)));
            }
            cases.add(new Bad("invalid UTF-8 to " + path, "POST", path,
                    Map.of("Content-Type", "application/json", "Authorization", owner),
                    new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
            cases.add(new Bad("UTF-16 to " + path, "POST", path,
                    Map.of("Content-Type", "application/json", "Authorization", owner),
                    toJson(Payloads.newParcel()).getBytes(StandardCharsets.UTF_16)));
        }
        return cases;
    }

    /** Raw JSON texts that are wrong as the value of any string field. */
    private static List<String> wrongTypes() {
        return List.of("42", "-4.2e7", "true", "false", "[]", "[\"x\"]", "{}", "{\"value\":\"x\"}");
    }

    /** Raw JSON texts that are wrong for a free-text field of the given length bounds. */
    private static List<String> badTexts(int min, int max, boolean multiline) {
        List<String> values = new ArrayList<>(wrongTypes());
        values.add(toJson("x".repeat(max + 1)));
        values.add(toJson("ю".repeat(max + 1)));
        values.add(toJson("x".repeat(60_000)));
        values.add(toJson("bell\u0007inside"));
        values.add(toJson("nul\u0000inside"));
        values.add(toJson("escape\u001B[31m"));
        values.add("\"lone \\ud800 surrogate\"");
        values.add("\"reversed \\udc00\\ud800 pair\"");
        if (!multiline) {
            values.add(toJson("line\nbreak"));
            values.add(toJson("carriage\rreturn"));
        }
        if (min > 0) {
            values.addAll(List.of("null", "\"\"", "\"   \"", toJson("x".repeat(min - 1)), toJson("\n\t")));
        }
        return values;
    }

    private static List<String> badInstants() {
        List<String> values = new ArrayList<>(wrongTypes());
        values.addAll(List.of("1700000000", "\"\"", "\"yesterday\"", "\"2026-03-01\"", "\"2026-03-01T10:00:00\"",
                "\"2026-13-01T10:00:00Z\"", "\"2026-02-30T10:00:00Z\"", "\"2026-03-01T25:00:00Z\"",
                "\"2026-03-01T10:00:00+25:00\"", "\"2026-06-30T23:59:60Z\"", "\"1999-12-31T23:59:59Z\"",
                "\"+10000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"2026-03-01 10:00\"",
                "\"01.03.2026 10:00\"", "\"2026-03-01T10:00:00ZZ\"", "\"2026-W09-1T10:00:00Z\"",
                toJson("2026-03-01T10:00:00Z" + "0".repeat(5_000))));
        return values;
    }

    private static List<String> badTrackNumbers() {
        return List.of("\"\"", "\"x\"", "\"AB\"", "\"AB12345678\"", "\"AB1234567890\"", "\"12AB3456789\"",
                "\"ABC12345678\"", "\"A B123456789\"", "\"ÄÖ123456789\"", "\"AB12345678\\u0000\"", "\"AB12345678９\"",
                "\"АВ123456789\"", "12345678901", "null");
    }

    private static String withRaw(Map<String, Object> valid, String field, String rawJson) {
        String marker = "\"__raw_value__\"";
        return toJson(Payloads.with(valid, field, "__raw_value__")).replace(marker, rawJson);
    }

    private static List<Bad> parcelFieldMutations() {
        List<Bad> cases = new ArrayList<>();
        Map<String, Object> valid = Payloads.newParcel();
        Map<String, int[]> bounds = Map.of("parcel_name", new int[] {3, 100}, "parcel_recipient", new int[] {3, 255},
                "parcel_arrival_address", new int[] {3, 255}, "parcel_description", new int[] {0, 255});
        for (String field : TEXT_FIELDS_OF_PARCEL) {
            int[] range = bounds.get(field);
            List<String> values = badTexts(range[0], range[1], field.equals("parcel_description"));
            for (int i = 0; i < values.size(); i++) {
                cases.add(post(field + " = bad value #" + i, PARCELS, withRaw(valid, field, values.get(i))));
            }
            if (range[0] > 0) {
                cases.add(post(field + " missing", PARCELS, toJson(Payloads.without(valid, field))));
            }
        }
        List<String> instants = badInstants();
        for (int i = 0; i < instants.size(); i++) {
            cases.add(post("parcel_forecast_date = bad value #" + i, PARCELS,
                    withRaw(valid, "parcel_forecast_date", instants.get(i))));
        }
        cases.add(post("parcel_forecast_date missing", PARCELS, toJson(Payloads.without(valid, "parcel_forecast_date"))));
        cases.add(post("parcel_forecast_date null", PARCELS, withRaw(valid, "parcel_forecast_date", "null")));
        return cases;
    }

    private static List<Bad> checkpointFieldMutations() {
        List<Bad> cases = new ArrayList<>();
        Map<String, Object> valid = Payloads.newCheckpoint(trackNumber);
        List<String> trackNumbers = badTrackNumbers();
        for (int i = 0; i < trackNumbers.size(); i++) {
            cases.add(post("parcel_track_number = bad value #" + i, CHECKPOINTS,
                    withRaw(valid, "parcel_track_number", trackNumbers.get(i))));
        }
        List<String> instants = new ArrayList<>(badInstants());
        instants.add(toJson(java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString()));
        for (int i = 0; i < instants.size(); i++) {
            cases.add(post("checkpoint_time = bad value #" + i, CHECKPOINTS, withRaw(valid, "checkpoint_time", instants.get(i))));
        }
        for (String field : List.of("checkpoint_place", "checkpoint_description")) {
            List<String> values = badTexts(0, 255, field.equals("checkpoint_description"));
            for (int i = 0; i < values.size(); i++) {
                cases.add(post(field + " = bad value #" + i, CHECKPOINTS, withRaw(valid, field, values.get(i))));
            }
        }
        List<String> statuses = new ArrayList<>(wrongTypes());
        statuses.addAll(List.of("null", "\"\"", "\"UNKNOWN\"", "\"unknown\"", "\"ARRIVED\"", "\"IN TRANSIT\"", "\"IN-TRANSIT\"",
                "\"1\"", "\"DELIVERED; DROP TABLE parcels\"", "\"ＤＥＬＩＶＥＲＥＤ\"", toJson("PENDING".repeat(1_000))));
        for (int i = 0; i < statuses.size(); i++) {
            cases.add(post("checkpoint_parcel_status = bad value #" + i, CHECKPOINTS,
                    withRaw(valid, "checkpoint_parcel_status", statuses.get(i))));
        }
        for (String required : List.of("parcel_track_number", "checkpoint_time", "checkpoint_parcel_status")) {
            cases.add(post(required + " missing", CHECKPOINTS, toJson(Payloads.without(valid, required))));
        }
        return cases;
    }

    private static List<Bad> unknownFields() {
        List<Bad> cases = new ArrayList<>();
        List<String> names = List.of("unknown", "__proto__", "PARCEL_NAME", "parcel_name ", "", "x".repeat(1_000),
                "control\u0001char", "parcelName", "parcel_status", "checkpoint_parcel_status");
        for (int i = 0; i < names.size(); i++) {
            cases.add(post("unknown field #" + i + " in parcel", PARCELS, toJson(Payloads.with(Payloads.newParcel(), names.get(i), 1))));
            cases.add(post("unknown field #" + i + " in checkpoint", CHECKPOINTS,
                    toJson(Payloads.with(Payloads.newCheckpoint(trackNumber), names.get(i).replace("checkpoint_parcel_status", "parcel_name"), 1))));
        }
        return cases;
    }

    private static List<Bad> contentTypes() {
        List<Bad> cases = new ArrayList<>();
        List<String> types = List.of("text/plain", "application/xml", "text/json", "application/json-patch+json",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=abc", "application/json; charset=utf-16",
                "application/json; charset=latin1", "*/*", ";", "application/", "json");
        for (String path : List.of(PARCELS, CHECKPOINTS)) {
            String body = path.equals(PARCELS) ? toJson(Payloads.newParcel()) : toJson(Payloads.newCheckpoint(trackNumber));
            for (String type : types) {
                cases.add(post("Content-Type " + type + " to " + path, path, body).header("Content-Type", type));
            }
            Bad withoutType = post("no Content-Type to " + path, path, body);
            Map<String, String> headers = new LinkedHashMap<>(withoutType.headers());
            headers.remove("Content-Type");
            cases.add(new Bad(withoutType.name(), "POST", path, headers, withoutType.body()));
            for (String encoding : List.of("gzip", "br", "deflate", "x-unknown")) {
                cases.add(post("Content-Encoding " + encoding + " to " + path, path, body).header("Content-Encoding", encoding));
            }
        }
        return cases;
    }

    /** Every manager route, as a valid request of the owner. */
    private static List<Bad> validManagerRequests() {
        return List.of(
                post("create parcel", PARCELS, toJson(Payloads.newParcel())),
                request("list parcels", "GET", PARCELS),
                request("read parcel", "GET", PARCELS + "/" + trackNumber),
                request("delete parcel", "DELETE", PARCELS + "/" + trackNumber),
                request("list checkpoints", "GET", PARCELS + "/" + trackNumber + "/checkpoints"),
                post("add checkpoint", CHECKPOINTS, toJson(Payloads.newCheckpoint(trackNumber))));
    }

    private static List<Bad> credentials() {
        List<Bad> cases = new ArrayList<>();
        List<String> presented = List.of("", " ", "Bearer", "Bearer ", "Bearer  \t", "Basic dXNlcjpwYXNz", "Token abc",
                "abc", "pt_" + "A".repeat(43), "a".repeat(2_000), "Bearer Bearer pt_" + "A".repeat(43), "pt_abc def ghi jkl",
                "pt_!!!!!!!!!!!!!!!!!!!!", "Bearer " + owner + "x", owner.substring(0, owner.length() - 1));
        for (Bad valid : validManagerRequests()) {
            Map<String, String> anonymous = new LinkedHashMap<>(valid.headers());
            anonymous.remove("Authorization");
            cases.add(new Bad(valid.name() + " without Authorization", valid.method(), valid.path(), anonymous, valid.body()));
            for (int i = 0; i < presented.size(); i++) {
                cases.add(valid.header("Authorization", presented.get(i)).withName(valid.name() + " with bad credentials #" + i));
            }
            if (valid.path().contains(trackNumber) || valid.path().equals(CHECKPOINTS)) {
                cases.add(valid.header("Authorization", stranger).withName(valid.name() + " with a foreign token"));
            }
        }
        return cases;
    }

    private static List<Bad> trackNumbersInPaths() {
        List<String> segments = List.of("x", "AB", "AB12345678", "AB1234567890", "12AB3456789", "ABC12345678",
                "A%20B123456789", "%C3%84%C3%96123456789", "AB123456789.json", "AB123456789%3B", "%F0%9F%93%A6",
                "null", "undefined", "-1", "AB12345678%EF%BC%99", "%2e%2e", "AB123456789%20x", "x".repeat(1_000),
                "AB123456789'%20OR%20'1'='1", "%3Cscript%3E");
        List<Bad> cases = new ArrayList<>();
        for (String segment : segments) {
            cases.add(request("GET parcel " + segment, "GET", PARCELS + "/" + segment));
            cases.add(request("DELETE parcel " + segment, "DELETE", PARCELS + "/" + segment));
            cases.add(request("GET checkpoints of " + segment, "GET", PARCELS + "/" + segment + "/checkpoints"));
        }
        return cases;
    }

    private static List<Bad> queries() {
        List<String> queries = List.of("page=0", "page=-1", "page=abc", "page=1.5", "page=1e3", "page=", "page=99999999999",
                "page=100001", "page_size=0", "page_size=101", "page_size=-5", "page_size=ten", "page=1&page=2",
                "foo=bar", "page", "=1", "page=%C3%28", "page=%EF%BC%91", "page_size=" + "9".repeat(500),
                "page=1&page_size=20&extra=" + URLEncoder.encode("<x>", StandardCharsets.UTF_8));
        List<Bad> cases = new ArrayList<>();
        for (String query : queries) {
            cases.add(request("list parcels ?" + query, "GET", PARCELS + "?" + query));
            cases.add(request("list checkpoints ?" + query, "GET", PARCELS + "/" + trackNumber + "/checkpoints?" + query));
        }
        return cases;
    }

    private static List<Bad> methodsAndRoutes() {
        List<Bad> cases = new ArrayList<>();
        List<String> paths = List.of(PARCELS, PARCELS + "/" + trackNumber, CHECKPOINTS,
                PARCELS + "/" + trackNumber + "/checkpoints", "/health/live", "/api/v1/openapi.json");
        for (String path : paths) {
            for (String method : List.of("PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "POST", "DELETE", "GET")) {
                boolean exists = api.server.endpoints().contains(method + " " + templateOf(path));
                if (!exists) {
                    cases.add(request(method + " " + path, method, path));
                }
            }
        }
        for (String path : List.of("/api/v2/parcels", "/api/v1/parcel", PARCELS + "/" + trackNumber + "/checkpoints/1",
                "/api/v1/", "/api", "/api/v1/PARCELS", "/swagger/x.js", "/api/v1/parcels//checkpoints",
                "/health", "/api/v1/openapi.yaml")) {
            cases.add(request("GET " + path, "GET", path));
        }
        return cases;
    }

    private static List<Bad> idempotencyKeys() {
        List<Bad> cases = new ArrayList<>();
        for (String key : List.of("", "a b", "x".repeat(256), "tab\there")) {
            cases.add(post("Idempotency-Key '" + key.length() + " chars' on parcel", PARCELS, toJson(Payloads.newParcel()))
                    .header("Idempotency-Key", key));
            cases.add(post("Idempotency-Key '" + key.length() + " chars' on checkpoint", CHECKPOINTS,
                    toJson(Payloads.newCheckpoint(trackNumber))).header("Idempotency-Key", key));
        }
        return cases;
    }

    private static String templateOf(String path) {
        return path.replace(trackNumber, "{track-number}");
    }

    // --- the checks

    @Test
    void generatesHundredsOfCases() {
        assertThat(generated()).hasSizeGreaterThan(600);
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedWithADocumentedProblem() {
        return generated().stream().map(bad -> dynamicTest(bad.name(), () -> naming(bad.name(), () -> {
            int errorsBefore = unexpectedFailuresLogged();
            HttpCalls.Call call = http.method(bad.method(), bad.path());
            bad.headers().forEach(call::header);
            if (bad.body() != null) {
                call.body(bad.body());
            }

            HttpResponse<String> answer = call.send();

            assertRefusedWithProblem(answer.statusCode(), answer.headers().firstValue("Content-Type"), answer.body());
            assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
            Optional<String> operation = spec.operationFor(bad.method(), bad.path().split("\\?")[0]);
            if (operation.isPresent()) {
                assertThat(spec.responses(operation.get())).as("documented statuses of " + operation.get())
                        .containsKey(answer.statusCode());
            } else {
                assertThat(answer.statusCode()).isIn(404, 405);
            }
            assertThat(unexpectedFailuresLogged()).isEqualTo(errorsBefore);
        })));
    }

    /** Requests no polite client would send, written to a socket. Jetty refuses some before Javalin sees them. */
    @TestFactory
    Stream<DynamicTest> everyMalformedHttpMessageIsRefusedWithAProblem() {
        String auth = "Authorization: " + owner + "\r\n";
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("broken escape in path", "GET /api/v1/parcels/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("broken escape in query", "GET /api/v1/parcels?page=%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("NUL in path", "GET /api/v1/parcels/%00 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("encoded slash in track number", "GET /api/v1/parcels/AB%2F23456789 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("dot segments", "GET /api/v1/parcels/../../../etc/passwd HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("raw UTF-8 bytes in path", "GET /api/v1/parcels/\u00c3\u00a4 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("oversized Authorization header", "GET /api/v1/parcels HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + "a".repeat(20_000) + "\r\n\r\n");
        raw.put("oversized URI", "GET /api/v1/parcels/" + "A".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("garbage request line", "GARBAGE\r\n\r\n");
        raw.put("missing Host", "GET /api/v1/parcels HTTP/1.1\r\n" + auth + "\r\n");
        raw.put("control character in a header", "GET /api/v1/parcels HTTP/1.1\r\nHost: x\r\nX-Evil: a\u0001b\r\n" + auth + "\r\n");
        raw.put("header without colon", "GET /api/v1/parcels HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n" + auth + "\r\n");
        raw.put("Content-Length and chunked together", "POST /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        raw.put("non-numeric Content-Length", "POST /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
        raw.put("broken chunk size", "POST /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
        raw.put("declared body over the limit", "POST /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{}");
        raw.put("lower-case method", "get /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("absolute URI of another host", "GET http://evil.example/api/v1/parcels/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        raw.put("Idempotency-Key with non-ASCII", "POST /api/v1/parcels HTTP/1.1\r\nHost: x\r\n" + auth
                + "Idempotency-Key: \u00e9\u00e9\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        return raw.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> naming(entry.getKey(), () -> {
            int errorsBefore = unexpectedFailuresLogged();

            RawHttp.Answer answer = RawHttp.send(api.server.port(),
                    entry.getValue().replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"), null);

            assertRefusedWithProblem(answer.status(), Optional.ofNullable(answer.header("Content-Type")), answer.body());
            assertThat(unexpectedFailuresLogged()).isEqualTo(errorsBefore);
        })));
    }

    /**
     * The one 5xx a client can provoke: a request that is not HTTP/1.x at all. Jetty answers it
     * before any of our code runs with 505, as RFC 9110 prescribes, and still as a problem document.
     */
    @Test
    void aRequestInAnHttpVersionThatIsNotSpokenGets505AsAProblem() {
        for (String head : List.of("GET /api/v1/parcels HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/parcels\r\n\r\n")) {
            RawHttp.Answer answer = RawHttp.send(api.server.port(), head, null);

            assertThat(answer.status()).isEqualTo(505);
            assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM);
            assertThat(json(answer.body()).get("status").asInt()).isEqualTo(505);
        }
    }

    /** Surefire numbers dynamic tests; this puts the case's name into its failure message. */
    private static void naming(String caseName, Runnable checks) {
        try {
            checks.run();
        } catch (AssertionError e) {
            throw new AssertionError(caseName + ": " + e.getMessage(), e);
        }
    }

    private static void assertRefusedWithProblem(int status, Optional<String> contentType, String body) {
        assertThat(status).as(body).isBetween(400, 499);
        assertThat(contentType).hasValue(PROBLEM);
        JsonNode problem = json(body);
        assertThat(problem.get("type").isTextual()).isTrue();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (problem.has("errors")) {
            assertThat(problem.get("errors")).allSatisfy(error -> {
                assertThat(error.get("field").isTextual()).isTrue();
                assertThat(error.get("message").asText()).isNotBlank();
            });
        }
    }

    private static int unexpectedFailuresLogged() {
        return (int) logs.events(ProblemTranslator.class.getName()).stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .count();
    }
}
