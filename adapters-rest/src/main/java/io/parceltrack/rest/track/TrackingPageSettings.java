package io.parceltrack.rest.track;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.rest.RateLimitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the public tracking page behaves. The constructor checks every value and lists all problems.
 *
 * @param userBotUsername the recipients' bot, without {@code @}; "Follow in Telegram" links to it
 * @param checkpointsPerPage checkpoints on one page of the history
 * @param rateLimit the request budget of one client address; over it, a 429 page
 * @param trackedAddresses client addresses whose budgets are kept at once (memory bound)
 * @param trustedProxies proxies in front of the app that append to {@code X-Forwarded-For}; 0 trusts none
 * @param cacheTtl how long a parcel's view is reused, by this process and by browsers; zero: always read
 * @param cachedViews parcel views kept at once (memory bound)
 */
public record TrackingPageSettings(String userBotUsername, int checkpointsPerPage, RateLimitSettings rateLimit,
        int trackedAddresses, int trustedProxies, Duration cacheTtl, int cachedViews) {

    /** Telegram's rule for bot usernames. */
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");

    public TrackingPageSettings {
        Objects.requireNonNull(rateLimit, "rateLimit");
        List<String> problems = new ArrayList<>();
        if (userBotUsername == null || !BOT_USERNAME.matcher(userBotUsername).matches()) {
            problems.add("userBotUsername must be a Telegram bot username (5 to 32 letters, digits, _), got '"
                    + userBotUsername + "'");
        }
        if (checkpointsPerPage < 1 || checkpointsPerPage > PageRequest.MAX_SIZE) {
            problems.add("checkpointsPerPage must be between 1 and " + PageRequest.MAX_SIZE + ", got " + checkpointsPerPage);
        }
        if (trackedAddresses < 1) {
            problems.add("trackedAddresses must be at least 1, got " + trackedAddresses);
        }
        if (trustedProxies < 0 || trustedProxies > 10) {
            problems.add("trustedProxies must be between 0 and 10, got " + trustedProxies);
        }
        if (cacheTtl == null || cacheTtl.isNegative()) {
            problems.add("cacheTtl must be zero or positive, got " + cacheTtl);
        }
        if (cachedViews < 0) {
            problems.add("cachedViews must not be negative, got " + cachedViews);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid tracking page settings: " + String.join("; ", problems));
        }
    }

    /** Whether {@code username} is one Telegram accepts for a bot. */
    public static boolean isBotUsername(String username) {
        return username != null && BOT_USERNAME.matcher(username).matches();
    }

    /** Reasonable values for the recipients' bot {@code userBotUsername}. */
    public static TrackingPageSettings defaults(String userBotUsername) {
        return new TrackingPageSettings(userBotUsername, 10, new RateLimitSettings(5, 30), 10_000, 0,
                Duration.ofSeconds(10), 10_000);
    }

    public TrackingPageSettings withRateLimit(RateLimitSettings newRateLimit) {
        return new TrackingPageSettings(userBotUsername, checkpointsPerPage, newRateLimit, trackedAddresses,
                trustedProxies, cacheTtl, cachedViews);
    }

    public TrackingPageSettings withCheckpointsPerPage(int newCheckpointsPerPage) {
        return new TrackingPageSettings(userBotUsername, newCheckpointsPerPage, rateLimit, trackedAddresses,
                trustedProxies, cacheTtl, cachedViews);
    }

    public TrackingPageSettings withTrustedProxies(int newTrustedProxies) {
        return new TrackingPageSettings(userBotUsername, checkpointsPerPage, rateLimit, trackedAddresses,
                newTrustedProxies, cacheTtl, cachedViews);
    }

    public TrackingPageSettings withCache(Duration newTtl, int newCachedViews) {
        return new TrackingPageSettings(userBotUsername, checkpointsPerPage, rateLimit, trackedAddresses,
                trustedProxies, newTtl, newCachedViews);
    }

    public TrackingPageSettings withTrackedAddresses(int newTrackedAddresses) {
        return new TrackingPageSettings(userBotUsername, checkpointsPerPage, rateLimit, newTrackedAddresses,
                trustedProxies, cacheTtl, cachedViews);
    }

    /** Where "Follow in Telegram" leads for {@code trackNumber}: the bot, started with the track number. */
    String telegramLink(String trackNumber) {
        return "https://t.me/" + userBotUsername + "?start=" + trackNumber;
    }
}
