package io.parceltrack.apps.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.parceltrack.apps.config.TracingSettings;
import io.parceltrack.port.trace.FinishedSpan;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanRecorder;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Exports the spans of one app to an OpenTelemetry collector over OTLP/HTTP, with the
 * OpenTelemetry SDK: each span ParcelTrack ends is rebuilt as an SDK span with the same ids,
 * parent, kind, times, status and attributes, and queued in a bounded {@link BatchSpanProcessor}
 * that sends batches from a thread of its own. A full queue drops spans rather than wait, so a
 * slow or dead collector costs requests nothing but those spans. Sampling is by trace id ratio,
 * the same decision in every process. Closing flushes what is queued, for at most the export timeout.
 */
public final class OtlpSpanExport implements SpanRecorder, AutoCloseable {
    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final String INSTRUMENTATION = "io.parceltrack";

    private final OurSpanIds ids = new OurSpanIds();
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final Duration flushTimeout;

    /** An export of {@code app}'s spans as {@code settings} say; the exporter thread starts here. */
    public OtlpSpanExport(String app, TracingSettings settings) {
        this(app, settings, otlpHttp(settings));
    }

    OtlpSpanExport(String app, TracingSettings settings, SpanExporter exporter) {
        this.provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, app))))
                .setIdGenerator(ids)
                // By trace id alone, parent or not: each process decides alike, so a trace is exported whole or not at all.
                .setSampler(Sampler.traceIdRatioBased(settings.samplerRatio()))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setMaxQueueSize(settings.maxQueueSize())
                        .setMaxExportBatchSize(settings.maxExportBatchSize())
                        .setScheduleDelay(settings.scheduleDelay())
                        .setExporterTimeout(settings.otlpTimeout())
                        .build())
                .build();
        this.tracer = provider.get(INSTRUMENTATION);
        this.flushTimeout = settings.otlpTimeout();
    }

    static SpanExporter otlpHttp(TracingSettings settings) {
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.tracesUrl())
                .setTimeout(settings.otlpTimeout())
                .setConnectTimeout(settings.otlpTimeout());
        settings.otlpHeaders().forEach(builder::addHeader);
        return builder.build();
    }

    /** Starts reporting every span this process ends to this export. */
    public void install() {
        TraceSpan.reportTo(this);
    }

    @Override
    public void record(FinishedSpan span) {
        SpanBuilder builder = tracer.spanBuilder(span.name())
                .setSpanKind(kindOf(span.kind()))
                .setStartTimestamp(span.startEpochNanos(), TimeUnit.NANOSECONDS);
        String traceId = span.context().traceId();
        span.parent().ifPresentOrElse(
                parentSpanId -> builder.setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                        traceId, parentSpanId, TraceFlags.getSampled(), TraceState.getDefault())))),
                builder::setNoParent);
        span.attributes().forEach(builder::setAttribute);
        Span exported;
        ids.use(span.context());
        try {
            exported = builder.startSpan();
        } finally {
            ids.clear();
        }
        if (span.failed()) {
            exported.setStatus(StatusCode.ERROR, span.error());
        }
        exported.end(span.endEpochNanos(), TimeUnit.NANOSECONDS);
    }

    private static io.opentelemetry.api.trace.SpanKind kindOf(SpanKind kind) {
        return switch (kind) {
            case SERVER -> io.opentelemetry.api.trace.SpanKind.SERVER;
            case CLIENT -> io.opentelemetry.api.trace.SpanKind.CLIENT;
            case PRODUCER -> io.opentelemetry.api.trace.SpanKind.PRODUCER;
            case CONSUMER -> io.opentelemetry.api.trace.SpanKind.CONSUMER;
            case INTERNAL -> io.opentelemetry.api.trace.SpanKind.INTERNAL;
        };
    }

    /** Stops reporting, then sends what is queued (for at most the export timeout) and stops the exporter thread. */
    @Override
    public void close() {
        TraceSpan.reportTo(SpanRecorder.NONE);
        provider.shutdown().join(flushTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
