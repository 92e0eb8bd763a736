package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful API token checks for a short time, so that a busy client does not cost the
 * account service one call per request (in the split deployment, a gRPC round trip and a database
 * read each time).
 *
 * <p>The bound that matters: a token that was rotated keeps working in this process for at most
 * {@code ttl} after its last successful check (5 s by default). Only successes are remembered;
 * an unknown token is asked about every time, so a new or rotated-to token works at once and
 * failures stay visible to whatever limits them. Entries are keyed by a SHA-256 digest of the
 * presented token, never the token itself, and at most {@code maxEntries} are kept: when full,
 * expired entries are dropped, and if none has expired the new one is simply not remembered.
 */
public final class CachedTokenAuthentication implements AuthenticateApiTokenUseCase {
    private record Entry(TelegramId manager, Instant expiresAt) {}

    private static final MessageDigest SHA_256 = newSha256();

    private final AuthenticateApiTokenUseCase tokens;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedTokenAuthentication(AuthenticateApiTokenUseCase tokens, Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.tokens = tokens;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public TelegramId authenticate(String presentedToken) {
        String key = digest(presentedToken);
        Instant now = clock.instant();
        Entry known = entries.get(key);
        if (known != null && now.isBefore(known.expiresAt())) {
            return known.manager();
        }
        TelegramId manager = tokens.authenticate(presentedToken);
        remember(key, new Entry(manager, now.plus(ttl)), now);
        return manager;
    }

    /** How many checks are remembered now (for tests of the bound). */
    int size() {
        return entries.size();
    }

    private void remember(String key, Entry entry, Instant now) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.values().removeIf(old -> !now.isBefore(old.expiresAt()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(key, entry);
    }

    private static String digest(String token) {
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fresh SHA-256 digest, cloned from one that is never used itself: {@code getInstance} looks
     * the algorithm up among the security providers, on every request this was called by.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
