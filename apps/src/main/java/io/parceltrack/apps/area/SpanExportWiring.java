package io.parceltrack.apps.area;

import io.parceltrack.apps.config.TracingSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.tracing.OtlpSpanExport;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Joins the app's span export to its lifecycle when an OTLP endpoint is configured: started before
 * any other component (so the first request's spans go out) and stopped after them (so the last
 * ones are flushed). Without an endpoint nothing of the SDK is created, no thread, no exporter.
 */
final class SpanExportWiring {
    private SpanExportWiring() {}

    static void export(Assembly assembly) {
        TracingSettings tracing = assembly.settings().tracing();
        if (!tracing.exporting()) {
            return;
        }
        AtomicReference<OtlpSpanExport> running = new AtomicReference<>();
        assembly.add(Component.of("span export", () -> {
            OtlpSpanExport export = new OtlpSpanExport(assembly.app(), tracing);
            running.set(export);
            export.install();
        }, () -> {
            OtlpSpanExport export = running.getAndSet(null);
            if (export != null) {
                export.close();
            }
        }));
        assembly.lifecycle().announce(() -> "traces: exported over OTLP to " + tracing.tracesUrl()
                + " (sampler ratio " + tracing.samplerRatio() + ")");
    }
}
