package io.parceltrack.telegram;

import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/** Bot settings for tests: the emulator as Telegram, Moscow time, no pacing to wait for. */
public final class TestBots {
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final AtomicLong CHAT_IDS = new AtomicLong(10_000 + (System.nanoTime() & 0xffff));

    private TestBots() {}

    public static BotSettings settings(String name, String token, String username, TelegramEmulator emulator) {
        return new BotSettings(name, token, URI.create(emulator.baseUrl()), username, Language.EN, MOSCOW,
                new SendRates(1000, 1000, Duration.ofSeconds(1)), Duration.ofSeconds(5), BotSettings.DEFAULT_CHAT_BACKLOG);
    }

    /** A chat id no other test uses. */
    public static long newChatId() {
        return CHAT_IDS.incrementAndGet();
    }
}
