package io.parceltrack.apps;

import io.parceltrack.apps.area.TelegramEndpoint;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.telegram.emulator.EmulatorLimits;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Telegram Bot API emulator with its control API as a process of its own, so that a fleet of
 * separate services (compose, the end-to-end tests) runs without real bots: point the bots'
 * {@code PARCELTRACK_TELEGRAM_API_URL} at it and leave their tokens empty. Both bots are
 * registered under their configured tokens, or the emulated ones the bots then use.
 */
public final class TelegramEmulatorApp implements App {
    static final String COMMAND = "telegram-emulator";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "the Telegram Bot API emulator and its control API, for a fleet without real bots";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        try {
            InetAddress.getByName(settings.telegram().emulatorHost());
        } catch (UnknownHostException e) {
            reader.problem("parceltrack.telegram.emulator.host", "is not an address this machine has: "
                    + settings.telegram().emulatorHost());
        }
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) throws UnknownHostException {
        AppSettings.Telegram telegram = settings.telegram();
        InetAddress host = InetAddress.getByName(telegram.emulatorHost());
        TelegramEmulator emulator = new TelegramEmulator(EmulatorLimits.off());
        if (!telegram.emulatorPeopleFile().isBlank()) {
            emulator.rememberPeopleIn(Path.of(telegram.emulatorPeopleFile()));
        }
        TelegramEndpoint.registerBots(emulator, telegram);
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        lifecycle.add(Component.of("Telegram emulator", () -> emulator.start(host, telegram.emulatorPort()), emulator::stop));
        lifecycle.announce(() -> "Telegram Bot API emulator on " + host.getHostAddress() + ":" + emulator.port()
                + "  (control API under /control, see docs/BOTS.md)");
        return lifecycle;
    }
}
