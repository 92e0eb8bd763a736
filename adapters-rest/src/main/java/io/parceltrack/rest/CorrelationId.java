package io.parceltrack.rest;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Ties a request's log lines and its answer together. A client's {@code X-Request-Id} is kept when
 * it looks like an id (so a trace can span systems); anything else is replaced by a fresh UUID, so a
 * hostile header cannot forge or bloat log lines. The id is echoed in the response.
 */
final class CorrelationId {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "parceltrack.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {}

    static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * A random (version 4) UUID as {@link UUID#randomUUID()} writes it, from {@link ThreadLocalRandom}
     * rather than SecureRandom: the id only has to be unique enough to tell requests apart in logs; it
     * guards nothing, and a client may choose it anyway. SecureRandom took a lock and a digest per request.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** The request's id; {@code "-"} if it was never assigned (cannot happen once the before-handler ran). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
