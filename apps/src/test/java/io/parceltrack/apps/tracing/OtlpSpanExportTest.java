package io.parceltrack.apps.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.parceltrack.apps.config.TracingSettings;
import io.parceltrack.apps.tracing.OtlpReceiver.ReceivedSpan;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OtlpSpanExportTest {
    private static TracingSettings settings(String endpoint, Map<String, String> headers, double ratio, int queue,
            int batch, Duration timeout) {
        return new TracingSettings(endpoint, TracingSettings.HTTP_PROTOBUF, headers, timeout, ratio, queue, batch,
                Duration.ofMillis(100));
    }

    @Test
    void exportsOurSpansWithTheirIdsParentsKindsStatusAndTheAppAsService() throws Exception {
        TraceContext caller = TraceContext.start();
        try (OtlpReceiver collector = new OtlpReceiver()) {
            OtlpSpanExport export = new OtlpSpanExport("parcels-manager-service",
                    settings(collector.endpoint(), Map.of(), 1.0, 100, 10, Duration.ofSeconds(5)));
            export.install();
            TraceSpan request = TraceSpan.continueOrStart("POST /api/v1/checkpoints", SpanKind.SERVER, caller.traceparent());
            TraceSpan call;
            try (CurrentTrace.Scope ignored = request.enter()) {
                call = TraceSpan.childOfCurrent("parceltrack.account.Manager/Authenticate", SpanKind.CLIENT);
                call.fail("UNAVAILABLE");
                call.end();
            }
            request.attribute("http.route", "/api/v1/checkpoints").end();
            TraceSpan root = TraceSpan.continueOrStart("GET /api/v1/parcels", SpanKind.SERVER, null);
            root.end();
            export.close();

            List<ReceivedSpan> received = collector.spans();
            assertThat(received).hasSize(3).allSatisfy(span -> assertThat(span.service()).isEqualTo("parcels-manager-service"));
            ReceivedSpan server = find(received, request);
            assertThat(server.traceId()).isEqualTo(caller.traceId());
            assertThat(server.parentSpanId()).isEqualTo(caller.spanId());
            assertThat(server.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(server.name()).isEqualTo("POST /api/v1/checkpoints");
            assertThat(server.attributes()).containsEntry("http.route", "/api/v1/checkpoints");
            assertThat(server.error()).isFalse();
            ReceivedSpan client = find(received, call);
            assertThat(client.traceId()).isEqualTo(caller.traceId());
            assertThat(client.parentSpanId()).isEqualTo(server.spanId());
            assertThat(client.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
            assertThat(client.error()).isTrue();
            ReceivedSpan first = find(received, root);
            assertThat(first.parentSpanId()).isNull();
            assertThat(first.traceId()).isNotEqualTo(caller.traceId());
        } finally {
            TraceSpan.reportTo(span -> {});
        }
    }

    private static ReceivedSpan find(List<ReceivedSpan> received, TraceSpan ours) {
        TraceContext ids = ours.context().orElseThrow();
        return received.stream().filter(span -> span.spanId().equals(ids.spanId()) && span.traceId().equals(ids.traceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + ids + " in " + received));
    }

    @Test
    void sendsTheConfiguredHeadersWithEveryExport() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            OtlpSpanExport export = new OtlpSpanExport("user-bot",
                    settings(collector.endpoint(), Map.of("authorization", "Bearer collector-secret-1"), 1.0, 100, 10,
                            Duration.ofSeconds(5)));
            export.install();
            TraceSpan.continueOrStart("GET /x", SpanKind.SERVER, null).end();
            export.close();

            assertThat(collector.requestHeaders()).isNotEmpty()
                    .allSatisfy(headers -> assertThat(headers.get("Authorization")).containsExactly("Bearer collector-secret-1"));
        } finally {
            TraceSpan.reportTo(span -> {});
        }
    }

    @Test
    void aSamplerRatioOfZeroExportsNothing() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            OtlpSpanExport export = new OtlpSpanExport("standalone",
                    settings(collector.endpoint(), Map.of(), 0.0, 100, 10, Duration.ofSeconds(5)));
            export.install();
            for (int i = 0; i < 50; i++) {
                TraceSpan.continueOrStart("GET /x", SpanKind.SERVER, null).end();
            }
            export.close();

            assertThat(collector.spans()).isEmpty();
        } finally {
            TraceSpan.reportTo(span -> {});
        }
    }

    /**
     * A collector that accepts connections and never answers: recording spans stays as fast as ever
     * (nothing waits for the exporter), no more spans than the queue holds plus one batch ever reach
     * the exporter (the rest are dropped, not kept), and closing gives up after the export timeout.
     */
    @Test
    void aDeadCollectorNeitherSlowsRecordingNorGrowsTheQueue() throws Exception {
        int queue = 64;
        int batch = 16;
        int recorded = 20_000;
        try (SilentCollector collector = new SilentCollector()) {
            TracingSettings dead = settings(collector.endpoint(), Map.of(), 1.0, queue, batch,
                    Duration.ofMillis(500));
            CountingExporter counting = new CountingExporter(OtlpSpanExport.otlpHttp(dead));
            OtlpSpanExport export = new OtlpSpanExport("standalone", dead, counting);
            export.install();

            long started = System.nanoTime();
            for (int i = 0; i < recorded; i++) {
                TraceSpan.continueOrStart("GET /x", SpanKind.SERVER, null).end();
            }
            Duration recording = Duration.ofNanos(System.nanoTime() - started);
            long closing = System.nanoTime();
            export.close();
            Duration closed = Duration.ofNanos(System.nanoTime() - closing);

            assertThat(recording).as("recording %d spans", recorded).isLessThan(Duration.ofSeconds(5));
            assertThat(counting.handed.get()).as("spans that reached the exporter").isPositive()
                    .isLessThanOrEqualTo(queue + batch);
            assertThat(closed).isLessThan(Duration.ofSeconds(3));
        } finally {
            TraceSpan.reportTo(span -> {});
        }
    }

    /** The real OTLP exporter, counting the spans it is handed. */
    private static final class CountingExporter implements SpanExporter {
        private final SpanExporter real;
        final AtomicInteger handed = new AtomicInteger();

        CountingExporter(SpanExporter real) {
            this.real = real;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            handed.addAndGet(spans.size());
            return real.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
            return real.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return real.shutdown();
        }
    }
}
