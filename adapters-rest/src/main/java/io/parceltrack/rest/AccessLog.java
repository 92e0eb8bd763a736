package io.parceltrack.rest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.parceltrack.domain.TelegramId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request on the {@code io.parceltrack.rest.access} logger: method, route, status,
 * duration, manager, track number and correlation id. The route is the matched template, not the
 * path as sent, and the track number only appears when it is one: a client that pastes its API
 * token into a URL must not find it in our logs. Headers and query strings are never logged.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.parceltrack.rest.access");

    static final String ROUTE_ATTRIBUTE = "parceltrack.route";
    private static final Pattern TRACK_NUMBER = Pattern.compile("[A-Z]{2}[0-9]{9}");

    private AccessLog() {}

    /** Wraps a route's handler so that its log line names the route. */
    static Handler naming(String route, Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, route);
            handler.handle(ctx);
        };
    }

    private static String trackNumberIn(Context ctx) {
        String raw = ctx.pathParamMap().get(FieldVocabulary.TRACK_NUMBER_PATH_PARAMETER);
        if (raw == null) {
            return "-";
        }
        String normalised = raw.strip().toUpperCase(Locale.ROOT);
        return TRACK_NUMBER.matcher(normalised).matches() ? normalised : "(invalid)";
    }

    /** "3.1": one decimal, without a Formatter per request (a measurable part of the line's cost). */
    static String tenths(float millis) {
        long tenths = Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** The matched route template, or {@link HttpRequestObserver#UNMATCHED}. */
    static String routeOf(Context ctx) {
        String route = ctx.attribute(ROUTE_ATTRIBUTE);
        return route == null ? HttpRequestObserver.UNMATCHED : route;
    }

    static void log(Context ctx, Float durationMillis) {
        try {
            TelegramId manager = ctx.attribute(ManagerRequestPipeline.MANAGER_ATTRIBUTE);
            String route = ctx.attribute(ROUTE_ATTRIBUTE);
            LOG.info("{} {} {} {}ms manager={} track_number={} request_id={}",
                    ctx.method().name(),
                    route == null ? "(no route)" : route,
                    ctx.statusCode(),
                    durationMillis == null ? "-" : tenths(durationMillis),
                    manager == null ? "-" : manager,
                    route == null ? "-" : trackNumberIn(ctx),
                    CorrelationId.of(ctx));
        } finally {
            // Jetty reuses threads: leave nothing of this request behind for the next one.
            MDC.remove(CorrelationId.MDC_KEY);
            MDC.remove(ManagerRequestPipeline.MANAGER_MDC_KEY);
            RequestTrace.end(ctx);
        }
    }
}
