package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.Messenger.SendResult;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.SendRates;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.EmulatorLimits;
import io.parceltrack.telegram.emulator.FloodStats;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the user bot against an emulator that enforces Telegram's limits: nothing
 * is lost or doubled, the limits hold, and a 429 is waited out.
 */
class TelegramMessengerIT {
    private static final String TOKEN = "4001:messenger-test";
    private static final TrackNumber TRACK_NUMBER = TrackNumber.parse("VF834349180");

    private final TelegramEmulator emulator = new TelegramEmulator(EmulatorLimits.telegramLike());
    private final Backend backend = new Backend();
    private EmulatedBot telegram;
    private UserBot bot;

    @BeforeEach
    void startEmulator() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_notify_bot");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        emulator.stop();
    }

    private UserBot newBot(SendRates rates) {
        return new UserBot(TestBots.settings("user-bot", TOKEN, "parcel_notify_bot", emulator).withRates(rates),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                backend.clock);
    }

    @Test
    void delivers300NotificationsTo50ChatsOnceEachWithinTelegramsLimits() throws Exception {
        bot = newBot(SendRates.telegramDefaults());
        List<Long> chats = chats(50);

        List<SendResult> results = sendConcurrently(deliveries(chats, 6));

        assertThat(results).hasSize(300).containsOnly(SendResult.SENT);
        assertEachChatGotEachNotificationOnce(chats, 6);
        FloodStats stats = telegram.floodStats();
        assertThat(stats.accepted()).isEqualTo(300);
        assertThat(stats.tooManyRequests()).as("429 answers").isZero();
        assertThat(stats.maxPerWindow()).isLessThanOrEqualTo(30);
        assertThat(stats.maxPerChatPerWindow()).isEqualTo(1);
    }

    @Test
    void waitsOutTooManyRequestsWhenConfiguredFasterThanTelegramAllows() throws Exception {
        bot = newBot(new SendRates(60, 3, Duration.ofSeconds(1)));
        List<Long> chats = chats(20);

        List<SendResult> results = sendConcurrently(deliveries(chats, 4));

        assertThat(results).hasSize(80).containsOnly(SendResult.SENT);
        assertEachChatGotEachNotificationOnce(chats, 4);
        FloodStats stats = telegram.floodStats();
        assertThat(stats.tooManyRequests()).as("429 answers").isPositive();
        assertThat(stats.requestsDuringPenalty()).as("requests that ignored retry_after").isZero();
        assertThat(stats.accepted()).isEqualTo(80);
        assertThat(stats.maxPerWindow()).isLessThanOrEqualTo(30);
        assertThat(stats.maxPerChatPerWindow()).isEqualTo(1);
    }

    @Test
    void recordsARecipientWhoBlockedTheBotAndReachesThemAgainOnceTheyWrite() throws Exception {
        telegram.setLimits(EmulatorLimits.off());
        bot = newBot(SendRates.telegramDefaults());
        bot.start();
        Person anna = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Anna", "en");
        telegram.block(anna.id());

        assertThat(bot.messenger().sendNotification(delivery(anna.id(), 1))).isEqualTo(SendResult.RECIPIENT_UNREACHABLE);
        assertThat(backend.blockedChats.isBlocked("user-bot", anna.id())).isTrue();
        telegram.unblock(anna.id());
        assertThat(bot.messenger().sendNotification(delivery(anna.id(), 2)))
                .as("not tried again while recorded as blocked").isEqualTo(SendResult.RECIPIENT_UNREACHABLE);
        assertThat(telegram.botMessages(anna.id())).isEmpty();

        anna.says("/start");

        assertThat(backend.blockedChats.isBlocked("user-bot", anna.id())).isFalse();
        assertThat(bot.messenger().sendNotification(delivery(anna.id(), 3))).isEqualTo(SendResult.SENT);
        assertThat(anna.lastBotMessage().text()).contains("Stop 3");
    }

    private List<Long> chats(int count) {
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long chat = TestBots.newChatId();
            telegram.introduce(chat, "Person " + i, i % 2 == 0 ? "en" : "ru");
            chats.add(chat);
        }
        return chats;
    }

    private static List<Delivery> deliveries(List<Long> chats, int perChat) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int round = 1; round <= perChat; round++) {
            for (long chat : chats) {
                deliveries.add(delivery(chat, round));
            }
        }
        return deliveries;
    }

    private static Delivery delivery(long chat, int round) {
        Checkpoint checkpoint = new Checkpoint(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(round * 60L),
                "Stop " + round, "moved on", ParcelStatus.IN_TRANSIT);
        return new Delivery(new EventId(UUID.randomUUID()), TelegramId.of(chat), TRACK_NUMBER, "Phone case",
                checkpoint);
    }

    private List<SendResult> sendConcurrently(List<Delivery> deliveries) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(64);
        try {
            List<Future<SendResult>> futures = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                futures.add(callers.submit(() -> bot.messenger().sendNotification(delivery)));
            }
            List<SendResult> results = new ArrayList<>();
            for (Future<SendResult> future : futures) {
                results.add(future.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    private void assertEachChatGotEachNotificationOnce(List<Long> chats, int perChat) {
        Set<String> expected = IntStream.rangeClosed(1, perChat).mapToObj(i -> "Stop " + i).collect(Collectors.toSet());
        for (long chat : chats) {
            List<ChatMessage> messages = telegram.botMessages(chat);
            assertThat(messages).as("messages in chat " + chat).hasSize(perChat);
            Set<String> stops = messages.stream()
                    .map(message -> message.text().lines().filter(line -> line.contains("Stop ")).findFirst().orElse(""))
                    .map(line -> line.substring(line.indexOf("Stop ")))
                    .collect(Collectors.toSet());
            assertThat(stops).isEqualTo(expected);
        }
    }
}
