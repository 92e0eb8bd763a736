package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.InProgress;
import io.parceltrack.port.out.IdempotencyStore.KeyPolicy;
import io.parceltrack.port.out.IdempotencyStore.KeyReused;
import io.parceltrack.port.out.IdempotencyStore.KeyedRequest;
import io.parceltrack.port.out.IdempotencyStore.Outcome;
import io.parceltrack.port.out.IdempotencyStore.QuotaExceeded;
import io.parceltrack.port.out.IdempotencyStore.Ran;
import io.parceltrack.port.out.IdempotencyStore.Replayed;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POSTs. Keys belong to the manager who sent them. The first request with
 * a key runs; its successful answer is kept with its effects, atomically (see {@link IdempotencyStore}),
 * and any retry with the same key and the same request (method, path and body bytes) gets that answer
 * again, marked {@code Idempotent-Replayed: true}, without running anything. A key reused for a
 * different request is refused (422), a key whose first request is still running too (409, retry
 * shortly); a request that failed or died gives its key up, so the retry really runs. A manager may
 * hold at most {@code quota} keys within their time to live; beyond that a keyed POST is refused
 * (429) rather than stored, while POSTs without a key go on as usual.
 */
final class IdempotentRequests {
    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Keys one manager may hold within their time to live unless configured otherwise. */
    static final int DEFAULT_KEY_QUOTA = 100_000;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;
    private final int quota;

    IdempotentRequests(IdempotencyStore store, Clock clock, Duration ttl, int quota) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.quota = quota;
    }

    /**
     * Runs {@code work} once per key, or answers as the first run did.
     *
     * @param key the header's value; {@code null} runs {@code work} without any of this
     */
    StoredResponse run(TelegramId manager, String key, String method, String path, byte[] body,
            Supplier<StoredResponse> work) {
        if (key == null) {
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(List.of(new FieldError(KEY_HEADER,
                    "must be 1 to 255 visible ASCII characters, e.g. a UUID")));
        }
        KeyedRequest request = new KeyedRequest(manager.toString(), key, fingerprint(method, path, body));
        Outcome outcome = store.runOnce(request, new KeyPolicy(clock.instant(), ttl, quota), work);
        if (outcome instanceof Ran ran) {
            return ran.response();
        }
        if (outcome instanceof Replayed replayed) {
            return replayOf(replayed.response());
        }
        if (outcome instanceof InProgress) {
            throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "the first request with this Idempotency-Key is still running; retry shortly")
                    .withHeader("Retry-After", "1");
        }
        if (outcome instanceof KeyReused) {
            throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        QuotaExceeded exceeded = (QuotaExceeded) outcome;
        throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_QUOTA, "you hold " + exceeded.quota()
                + " Idempotency-Keys already, the most kept per manager within " + ttl.toHours()
                + " hours; send this request without a key, or retry once older keys expired")
                .withHeader("Retry-After", "3600");
    }

    private static StoredResponse replayOf(StoredResponse first) {
        Map<String, String> headers = new LinkedHashMap<>(first.headers());
        headers.put(REPLAYED_HEADER, "true");
        return new StoredResponse(first.status(), headers, first.body());
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
