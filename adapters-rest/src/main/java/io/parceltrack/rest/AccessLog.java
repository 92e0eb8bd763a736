package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.domain.TelegramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request on the {@code io.parceltrack.rest.access} logger: method, path, status,
 * duration, manager and correlation id. Headers are never logged, so the API token cannot leak
 * here; nor is the query string, which a client might fill with anything.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.parceltrack.rest.access");

    private AccessLog() {}

    static void log(Context ctx, Float durationMillis) {
        try {
            TelegramId manager = ctx.attribute(ManagerRequestPipeline.MANAGER_ATTRIBUTE);
            LOG.info("{} {} {} {}ms manager={} request_id={}",
                    ctx.method().name(),
                    EchoedText.of(ctx.path(), 200),
                    ctx.statusCode(),
                    durationMillis == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", durationMillis),
                    manager == null ? "-" : manager,
                    CorrelationId.of(ctx));
        } finally {
            // Jetty reuses threads: leave nothing of this request behind for the next one.
            MDC.remove(CorrelationId.MDC_KEY);
            MDC.remove(ManagerRequestPipeline.MANAGER_MDC_KEY);
        }
    }
}
