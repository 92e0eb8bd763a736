package io.parceltrack.apps.wiring;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.SendRates;
import java.net.URI;
import java.time.Duration;

/** Bot settings from ours. */
public final class BotWiring {
    public static final String USER_BOT = "user-bot";
    public static final String MANAGER_BOT = "manager-bot";

    private BotWiring() {}

    /** The Bot API the bots talk to: the configured one, else Telegram. */
    public static URI telegramUrl(AppSettings.Telegram telegram) {
        return telegram.apiUrl().isBlank() ? BotSettings.TELEGRAM : URI.create(telegram.apiUrl());
    }

    public static BotSettings settings(String name, AppSettings.Bot bot, URI telegramUrl, AppSettings.Telegram telegram) {
        return BotSettings.of(name, bot.token(), telegramUrl, bot.username(), Language.parse(telegram.defaultLanguage()),
                        telegram.timeZone())
                .withRates(new SendRates(telegram.ratePerBot(), telegram.ratePerChat(), Duration.ofSeconds(1)));
    }
}
