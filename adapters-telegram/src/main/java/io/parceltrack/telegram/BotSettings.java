package io.parceltrack.telegram;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one bot needs to run.
 *
 * @param name the bot's key in the conversation and blocked-chat stores, e.g. {@code user-bot}
 * @param token the token BotFather gave; a secret: never printed
 * @param telegramUrl where the Bot API lives: {@code https://api.telegram.org} in production, the
 *     emulator's base URL (e.g. {@code http://127.0.0.1:8081}) in tests and standalone mode
 * @param username the bot's Telegram username, without {@code @}
 * @param defaultLanguage spoken to people whose Telegram language we do not speak
 * @param timeZone in which dates are shown and typed ({@code DD.MM.YYYY HH:MM})
 * @param rates how fast the bot may send
 * @param pollTimeout how long one getUpdates long poll waits for news
 * @param chatBacklog updates of one chat that may wait to be answered; more are skipped (see docs/BOTS.md)
 * @param observer told of every Bot API request and its outcome (metrics)
 */
public record BotSettings(
        String name,
        String token,
        URI telegramUrl,
        String username,
        Language defaultLanguage,
        ZoneId timeZone,
        SendRates rates,
        Duration pollTimeout,
        int chatBacklog,
        BotApiObserver observer) {

    public static final URI TELEGRAM = URI.create("https://api.telegram.org");
    /** A person typing fast sends a few messages within the second a reply takes; a flood sends many more. */
    public static final int DEFAULT_CHAT_BACKLOG = 10;
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,200}");

    public BotSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(telegramUrl, "telegramUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(observer, "observer");
        if (!TOKEN.matcher(token).matches()) {
            // Say what is wrong without repeating the secret.
            throw new IllegalArgumentException("the bot token of " + name + " is not of the form 123456:ABC-def");
        }
        String scheme = telegramUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || telegramUrl.getHost() == null) {
            throw new IllegalArgumentException("telegramUrl must be an http(s) URL, got " + telegramUrl);
        }
        if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 600) {
            throw new IllegalArgumentException("pollTimeout must be between 0 and 600 seconds");
        }
        if (chatBacklog < 1 || chatBacklog > 1000) {
            throw new IllegalArgumentException("chatBacklog must be between 1 and 1000");
        }
    }

    /** The settings of a bot nobody observes. */
    public BotSettings(String name, String token, URI telegramUrl, String username, Language defaultLanguage,
            ZoneId timeZone, SendRates rates, Duration pollTimeout, int chatBacklog) {
        this(name, token, telegramUrl, username, defaultLanguage, timeZone, rates, pollTimeout, chatBacklog,
                BotApiObserver.NONE);
    }

    /** Settings with Telegram's own rates and a 50-second long poll. */
    public static BotSettings of(String name, String token, URI telegramUrl, String username,
            Language defaultLanguage, ZoneId timeZone) {
        return new BotSettings(name, token, telegramUrl, username, defaultLanguage, timeZone,
                SendRates.telegramDefaults(), Duration.ofSeconds(50), DEFAULT_CHAT_BACKLOG);
    }

    public BotSettings withRates(SendRates newRates) {
        return new BotSettings(name, token, telegramUrl, username, defaultLanguage, timeZone, newRates, pollTimeout,
                chatBacklog, observer);
    }

    public BotSettings withPollTimeout(Duration newPollTimeout) {
        return new BotSettings(name, token, telegramUrl, username, defaultLanguage, timeZone, rates, newPollTimeout,
                chatBacklog, observer);
    }

    public BotSettings withChatBacklog(int newChatBacklog) {
        return new BotSettings(name, token, telegramUrl, username, defaultLanguage, timeZone, rates, pollTimeout,
                newChatBacklog, observer);
    }

    public BotSettings withObserver(BotApiObserver newObserver) {
        return new BotSettings(name, token, telegramUrl, username, defaultLanguage, timeZone, rates, pollTimeout,
                chatBacklog, newObserver);
    }

    /** The token with everything after the bot id hidden, for logs. */
    public String maskedToken() {
        return token.substring(0, token.indexOf(':')) + ":***";
    }

    @Override
    public String toString() {
        return "BotSettings[name=" + name + ", token=" + maskedToken() + ", telegramUrl=" + telegramUrl
                + ", username=" + username + ", defaultLanguage=" + defaultLanguage + ", timeZone=" + timeZone
                + ", rates=" + rates + ", pollTimeout=" + pollTimeout + ", chatBacklog=" + chatBacklog + "]";
    }
}
