package io.parceltrack.apps.area;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.telegram.emulator.EmulatorLimits;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.URI;
import java.nio.file.Path;

/** The Bot API the bots talk to, and the bots' tokens and usernames there. */
public record TelegramEndpoint(URI url, AppSettings.Bot userBot, AppSettings.Bot managerBot) {
    /** Tokens the bots use with the built-in emulator; they mean nothing anywhere else. */
    static final String EMULATED_USER_BOT_TOKEN = "7000000001:standalone-user-bot";
    static final String EMULATED_MANAGER_BOT_TOKEN = "7000000002:standalone-manager-bot";

    /**
     * The configured Bot API (Telegram unless another URL is set) with the configured tokens. A bot
     * without a token on another Bot API than Telegram's is taken to be talking to an emulator (the
     * {@code telegram-emulator} command) and uses the token that the emulator gives that bot.
     */
    public static TelegramEndpoint configured(AppSettings.Telegram telegram) {
        return new TelegramEndpoint(BotWiring.telegramUrl(telegram), orEmulated(telegram, telegram.userBot(), EMULATED_USER_BOT_TOKEN),
                orEmulated(telegram, telegram.managerBot(), EMULATED_MANAGER_BOT_TOKEN));
    }

    /**
     * Registers both bots with {@code emulator}: under their configured tokens, or the emulated
     * ones when none is configured, so that bots started either way find themselves there.
     */
    public static void registerBots(TelegramEmulator emulator, AppSettings.Telegram telegram) {
        emulator.registerBot(tokenOrEmulated(telegram.userBot(), EMULATED_USER_BOT_TOKEN), telegram.userBot().username());
        emulator.registerBot(tokenOrEmulated(telegram.managerBot(), EMULATED_MANAGER_BOT_TOKEN), telegram.managerBot().username());
    }

    private static AppSettings.Bot orEmulated(AppSettings.Telegram telegram, AppSettings.Bot bot, String emulatedToken) {
        return bot.configured() || telegram.apiUrl().isBlank() ? bot : new AppSettings.Bot(emulatedToken, bot.username());
    }

    private static String tokenOrEmulated(AppSettings.Bot bot, String emulatedToken) {
        return bot.configured() ? bot.token() : emulatedToken;
    }

    /**
     * With bot tokens configured, the configured Bot API; without, a built-in emulator on the
     * emulator port with both bots registered, running as long as the app.
     */
    public static TelegramEndpoint configuredOrEmulated(Assembly assembly) {
        AppSettings.Telegram telegram = assembly.settings().telegram();
        if (telegram.userBot().configured()) {
            return configured(telegram);
        }
        TelegramEmulator emulator = new TelegramEmulator(EmulatorLimits.off());
        if (!telegram.emulatorPeopleFile().isBlank()) {
            emulator.rememberPeopleIn(Path.of(telegram.emulatorPeopleFile()));
        }
        emulator.registerBot(EMULATED_USER_BOT_TOKEN, telegram.userBot().username());
        emulator.registerBot(EMULATED_MANAGER_BOT_TOKEN, telegram.managerBot().username());
        emulator.start(telegram.emulatorPort());
        assembly.add(Component.of("Telegram emulator", () -> {}, emulator::stop));
        assembly.lifecycle().announce(() -> "Telegram Bot API emulator: " + emulator.baseUrl()
                + "  (talk to the bots through " + emulator.baseUrl() + "/control, see docs/BOTS.md)");
        return new TelegramEndpoint(URI.create(emulator.baseUrl()),
                new AppSettings.Bot(EMULATED_USER_BOT_TOKEN, telegram.userBot().username()),
                new AppSettings.Bot(EMULATED_MANAGER_BOT_TOKEN, telegram.managerBot().username()));
    }
}
