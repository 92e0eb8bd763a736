package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.parceltrack.apps.StandaloneApp;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.tracing.OtlpReceiver;
import io.parceltrack.apps.tracing.SilentCollector;
import io.parceltrack.apps.tracing.OtlpReceiver.ReceivedSpan;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Standalone, assembled and started in this JVM as its main would, with its span export pointed at
 * a collector in the test (or at none, or at one that never answers), and driven through its REST API.
 */
class SpanExportStandaloneIT {
    private static final String TOKEN = "span-export-demo-token-0123";
    private static final String EXPORTER_THREAD = "BatchSpanProcessor";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private record Running(Lifecycle lifecycle, ParcelApiClient api) {}

    private Running start(Map<String, String> tracing) throws Exception {
        int[] ports = FreePorts.take(2);
        Map<String, String> environment = new HashMap<>(Map.of(
                "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                "PARCELTRACK_HTTP_PORT", String.valueOf(ports[0]),
                "PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(ports[1]),
                "PARCELTRACK_DEMO_API_TOKEN", TOKEN,
                "PARCELTRACK_HTTP_RATE_LIMIT_PER_SECOND", "1000",
                "PARCELTRACK_HTTP_RATE_LIMIT_BURST", "1000"));
        environment.putAll(tracing);
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(environment));
        AppSettings settings = AppSettings.read(reader);
        reader.validate();
        Lifecycle lifecycle = new StandaloneApp().assemble(settings, Clock.systemUTC());
        lifecycle.start();
        return new Running(lifecycle, new ParcelApiClient(http, json, "http://127.0.0.1:" + ports[0] + "/api/v1", TOKEN));
    }

    @Test
    void exportsTheCheckpointsSpansUnderTheTraceOfItsRequestEachTheChildOfTheStepBefore() throws Exception {
        TraceContext caller = TraceContext.start();
        assertThat(exporterThreadsAfter(Duration.ofSeconds(60))).as("left over by another test").isEmpty();
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Running standalone = start(Map.of(
                    "PARCELTRACK_TRACING_OTLP_ENDPOINT", collector.endpoint(),
                    "PARCELTRACK_TRACING_SCHEDULE_DELAY", "100ms"));
            try {
                assertThat(standalone.lifecycle().announcements()).anyMatch(line -> line.startsWith("traces: exported over OTLP to "));
                assertThat(exporterThreads()).isNotEmpty();
                String trackNumber = standalone.api().createsParcel("Lamp", "Olga Ivanova", "Samara, Lenina 5");
                standalone.api().within(caller.traceparent()).postsCheckpoint(trackNumber, "IN_TRANSIT", "Samara hub", "sorted");

                Predicate<ReceivedSpan> ofTheRequest = span -> span.traceId().equals(caller.traceId());
                List<ReceivedSpan> spans = collector.await(received -> received.stream().filter(ofTheRequest)
                        .map(ReceivedSpan::name).toList().containsAll(List.of(SpanNames.FAN_OUT, SpanNames.SCHEDULE_WEBHOOKS)),
                        Duration.ofSeconds(20)).stream().filter(ofTheRequest).toList();

                assertThat(spans).allSatisfy(span -> assertThat(span.service()).isEqualTo("standalone"));
                ReceivedSpan request = only(spans, SpanKind.SPAN_KIND_SERVER, "POST /api/v1/checkpoints");
                assertThat(request.parentSpanId()).as("the request continues the caller's span").isEqualTo(caller.spanId());
                assertThat(request.attributes()).containsEntry("http.response.status_code", "201");
                assertThat(request.error()).isFalse();
                ReceivedSpan relay = only(spans, SpanKind.SPAN_KIND_PRODUCER, SpanNames.RELAY);
                assertThat(relay.parentSpanId()).isEqualTo(request.spanId());
                assertThat(relay.attributes()).containsEntry("parceltrack.track_number", trackNumber);
                assertThat(only(spans, SpanKind.SPAN_KIND_CONSUMER, SpanNames.FAN_OUT).parentSpanId()).isEqualTo(relay.spanId());
                assertThat(only(spans, SpanKind.SPAN_KIND_CONSUMER, SpanNames.SCHEDULE_WEBHOOKS).parentSpanId())
                        .isEqualTo(relay.spanId());
            } finally {
                standalone.lifecycle().stop();
            }
            assertThat(exporterThreadsAfter(Duration.ofSeconds(10))).as("the exporter's thread ends with the app").isEmpty();
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, SpanKind kind, String name) {
        List<ReceivedSpan> found = spans.stream().filter(span -> span.kind() == kind && span.name().equals(name)).toList();
        assertThat(found).as(kind + " " + name + " in " + spans).hasSize(1);
        return found.get(0);
    }

    @Test
    void withoutAnEndpointNothingOfTheExporterIsCreated() throws Exception {
        assertThat(exporterThreadsAfter(Duration.ofSeconds(10))).as("left over by another test").isEmpty();
        Running standalone = start(Map.of());
        try {
            String trackNumber = standalone.api().createsParcel("Lamp", "Olga Ivanova", "Samara, Lenina 5");
            standalone.api().postsCheckpoint(trackNumber, "IN_TRANSIT", "Samara hub", "sorted");

            assertThat(exporterThreads()).isEmpty();
            assertThat(standalone.lifecycle().announcements()).noneMatch(line -> line.startsWith("traces:"));
        } finally {
            standalone.lifecycle().stop();
        }
    }

    /**
     * A collector that takes connections and never answers: every request is answered as quickly as
     * without export (none waits for the export timeout), and stopping waits at most that timeout.
     */
    @Test
    void aCollectorThatNeverAnswersHoldsUpNoRequest() throws Exception {
        try (SilentCollector collector = new SilentCollector()) {
            Running standalone = start(Map.of(
                    "PARCELTRACK_TRACING_OTLP_ENDPOINT", collector.endpoint(),
                    "PARCELTRACK_TRACING_OTLP_TIMEOUT", "3s",
                    "PARCELTRACK_TRACING_MAX_QUEUE_SIZE", "16",
                    "PARCELTRACK_TRACING_MAX_EXPORT_BATCH_SIZE", "4",
                    "PARCELTRACK_TRACING_SCHEDULE_DELAY", "10ms"));
            Duration slowest = Duration.ZERO;
            long stopping;
            try {
                String trackNumber = standalone.api().createsParcel("Lamp", "Olga Ivanova", "Samara, Lenina 5");
                for (int i = 0; i < 60; i++) {
                    long started = System.nanoTime();
                    standalone.api().parcel(trackNumber);
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    slowest = took.compareTo(slowest) > 0 ? took : slowest;
                }
                assertThat(collector.connectionsTaken()).as("the exporter did try the collector").isPositive();
            } finally {
                stopping = System.nanoTime();
                standalone.lifecycle().stop();
            }
            assertThat(slowest).as("the slowest of 60 requests").isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
        }
        // Stopping waits for the export at most its timeout; the SDK's worker may still be draining
        // its bounded queue into the dead collector, one timeout per batch, and must then end too.
        assertThat(exporterThreadsAfter(Duration.ofSeconds(60))).as("the exporter's thread ends once its queue is given up").isEmpty();
    }

    /** The exporter threads still alive once none are, or {@code timeout} has passed. */
    private static List<String> exporterThreadsAfter(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!exporterThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return exporterThreads();
    }

    private static List<String> exporterThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains(EXPORTER_THREAD)).toList();
    }
}
