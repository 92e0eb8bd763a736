package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.Claim;
import io.parceltrack.port.out.IdempotencyStore.Completed;
import io.parceltrack.port.out.IdempotencyStore.InProgress;
import io.parceltrack.port.out.IdempotencyStore.KeyReused;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on POSTs. Keys belong to the manager who sent them. The first request with
 * a key runs; its successful answer is stored and any retry with the same key and the same request
 * (method, path and body bytes) gets that answer again, marked {@code Idempotent-Replayed: true},
 * without running anything. A key reused for a different request is refused (422), a key whose first
 * request is still running too (409). A failed request gives its key up, so the retry really runs.
 */
final class IdempotentRequests {
    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;

    IdempotentRequests(IdempotencyStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
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
        String scope = manager.toString();
        Instant now = clock.instant();
        Claim claim = store.claim(scope, key, fingerprint(method, path, body), now, now.minus(ttl));
        if (claim instanceof Completed completed) {
            return replayOf(completed.response());
        }
        if (claim instanceof InProgress) {
            throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "the first request with this Idempotency-Key is still running; retry shortly")
                    .withHeader("Retry-After", "1");
        }
        if (claim instanceof KeyReused) {
            throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        return runClaimed(scope, key, work);
    }

    private StoredResponse runClaimed(String scope, String key, Supplier<StoredResponse> work) {
        StoredResponse response;
        try {
            response = work.get();
        } catch (RuntimeException | Error e) {
            store.release(scope, key);
            throw e;
        }
        if (response.status() < 200 || response.status() > 299) {
            store.release(scope, key);
            return response;
        }
        try {
            store.complete(scope, key, response);
        } catch (RuntimeException e) {
            // The work is done and must be reported as done. The key stays claimed until it expires,
            // so a retry gets 409 rather than repeating the work.
            LOG.warn("could not store the answer of an idempotent request; retries get 409 until the key expires", e);
        }
        return response;
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
