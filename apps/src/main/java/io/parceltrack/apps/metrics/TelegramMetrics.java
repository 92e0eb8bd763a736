package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.parceltrack.telegram.BotApiObserver;
import java.time.Duration;
import java.util.Locale;

/**
 * Bot API requests by bot, method and outcome with their latency
 * ({@code parceltrack_telegram_requests_seconds}: sends, 429s, 403s), and the {@code retry_after}
 * Telegram asked for with each 429 ({@code parceltrack_telegram_retry_after_seconds}).
 */
public final class TelegramMetrics implements BotApiObserver {
    static final String REQUESTS = "parceltrack.telegram.requests";
    static final String RETRY_AFTER = "parceltrack.telegram.retry.after";

    private final MeterRegistry registry;

    public TelegramMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String bot, String method, Outcome outcome, int retryAfterSeconds, Duration elapsed) {
        LatencyBuckets.timer(REQUESTS)
                .description("Bot API requests, by bot, method and outcome")
                .tags("bot", bot, "method", method, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(elapsed);
        if (outcome == Outcome.RATE_LIMITED) {
            DistributionSummary.builder(RETRY_AFTER)
                    .description("retry_after of each 429 Telegram answered")
                    .baseUnit("seconds")
                    .tag("bot", bot)
                    .register(registry)
                    .record(retryAfterSeconds);
        }
    }
}
