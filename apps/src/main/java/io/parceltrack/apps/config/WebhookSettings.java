package io.parceltrack.apps.config;

import java.time.Duration;

/**
 * The {@code parceltrack.webhooks} settings: where webhooks may go, how they are sent and retried.
 *
 * @param allowPlainHttp accept {@code http://} endpoints (local trials only)
 * @param allowPrivateAddresses send to loopback, private and link-local addresses (local trials only)
 * @param noticePollInterval how often the manager bot looks for disabled endpoints whose managers it owes a message
 */
public record WebhookSettings(
        boolean allowPlainHttp,
        boolean allowPrivateAddresses,
        int senders,
        Duration pollInterval,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        int maxResponseBytes,
        Duration firstRetry,
        Duration maxRetryDelay,
        Duration retryWindow,
        Duration disableAfter,
        Duration rotationGrace,
        int maxEndpointsPerManager,
        Duration keepAttempts,
        Duration noticePollInterval) {

    private static final String P = EnvironmentOverrides.ROOT + ".webhooks.";
    /** The first retry must come soon enough that someone trying webhooks out sees it. */
    private static final Duration LONGEST_FIRST_RETRY = Duration.ofSeconds(10);
    /** Retries last at least a day: a receiver down over a night or a weekend day still gets everything. */
    private static final Duration SHORTEST_RETRY_WINDOW = Duration.ofHours(24);

    static WebhookSettings read(SettingsReader reader) {
        WebhookSettings settings = new WebhookSettings(
                reader.bool(P + "allow-plain-http"),
                reader.bool(P + "allow-private-addresses"),
                reader.intInRange(P + "senders", 1, 256),
                reader.positiveDuration(P + "poll-interval"),
                reader.positiveDuration(P + "connect-timeout"),
                reader.positiveDuration(P + "read-timeout"),
                reader.positiveDuration(P + "total-timeout"),
                (int) Math.min(1_048_576, reader.bytes(P + "max-response-bytes")),
                reader.positiveDuration(P + "first-retry"),
                reader.positiveDuration(P + "max-retry-delay"),
                reader.positiveDuration(P + "retry-window"),
                reader.positiveDuration(P + "disable-after"),
                reader.positiveDuration(P + "rotation-grace"),
                reader.intInRange(P + "max-endpoints-per-manager", 1, 100),
                reader.positiveDuration(P + "keep-attempts"),
                reader.positiveDuration(P + "notice-poll-interval"));
        if (settings.firstRetry.compareTo(LONGEST_FIRST_RETRY) > 0) {
            reader.problem(P + "first-retry", "must be at most " + LONGEST_FIRST_RETRY.toSeconds() + "s");
        }
        if (settings.maxRetryDelay.compareTo(settings.firstRetry) < 0) {
            reader.problem(P + "max-retry-delay", "must not be shorter than " + P + "first-retry");
        }
        if (settings.retryWindow.compareTo(SHORTEST_RETRY_WINDOW) < 0
                || settings.retryWindow.compareTo(settings.maxRetryDelay) < 0) {
            reader.problem(P + "retry-window", "must be at least 24h and at least " + P + "max-retry-delay");
        }
        return settings;
    }
}
