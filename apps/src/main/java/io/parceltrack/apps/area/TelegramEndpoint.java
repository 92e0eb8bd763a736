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

    /** The configured Bot API (Telegram unless another URL is set) with the configured tokens. */
    public static TelegramEndpoint configured(AppSettings.Telegram telegram) {
        return new TelegramEndpoint(BotWiring.telegramUrl(telegram), telegram.userBot(), telegram.managerBot());
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
