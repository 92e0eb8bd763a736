package io.parceltrack.apps.wiring;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.SendRates;
import io.parceltrack.telegram.manager.ManagerBot;
import io.parceltrack.telegram.user.RecipientDetails;
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

    /** How much of a parcel the user bot shows to whoever has its track number. */
    public static RecipientDetails recipientDetails(AppSettings.Telegram telegram) {
        return telegram.showRecipientDetails() ? RecipientDetails.SHOWN : RecipientDetails.MASKED;
    }

    /** Where the manager bot points managers: the REST API, and the user bot for recipients' links. */
    public static ManagerBot.Links links(AppSettings settings) {
        return new ManagerBot.Links(HttpWiring.publicApiUrl(settings.http()), settings.telegram().userBot().username());
    }

    public static BotSettings settings(String name, AppSettings.Bot bot, URI telegramUrl, AppSettings.Telegram telegram) {
        return BotSettings.of(name, bot.token(), telegramUrl, bot.username(), Language.parse(telegram.defaultLanguage()),
                        telegram.timeZone())
                .withRates(new SendRates(telegram.ratePerBot(), telegram.ratePerChat(), Duration.ofSeconds(1)));
    }
}
