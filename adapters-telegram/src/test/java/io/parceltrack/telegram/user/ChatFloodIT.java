package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.SendRates;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.ChatEvent;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One chat floods the bot. The bot sends two messages a second into a chat (as Telegram's limits
 * make it), so a flood outruns it: at most the chat's backlog waits, the rest is skipped and told,
 * and other chats are answered meanwhile.
 */
class ChatFloodIT {
    private static final String TOKEN = "2301:user-flood-test";
    private static final int BACKLOG = 5;
    private static final int FLOOD = 200;
    private static final Pattern SKIPPED = Pattern.compile("Messages skipped: ([0-9]+)");

    private final TelegramEmulator emulator = new TelegramEmulator();
    private final Backend backend = new Backend();
    private EmulatedBot telegram;
    private UserBot bot;

    /**
     * A bot of its own for each test: the counters below are the bot's, not the chat's, and a
     * flood's replies leave at the chat's pace long after its presses were answered.
     */
    @BeforeEach
    void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_flood_bot");
        bot = new UserBot(TestBots.settings("user-bot", TOKEN, "parcel_flood_bot", emulator)
                        .withRates(new SendRates(1000, 2, Duration.ofSeconds(1))).withChatBacklog(BACKLOG),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                backend.clock);
        bot.start();
    }

    @AfterEach
    void stopBot() {
        bot.stop();
        emulator.stop();
    }

    @Test
    void aFloodFromOneChatIsBoundedToItsBacklogToldAndCrowdsOutNobody() throws Exception {
        Person flooder = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Flood", "en");
        backend.registerUser(flooder.id(), "Flood Person");
        Person other = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Anna", "en");
        long handledBefore = bot.handledUpdates();
        long skippedBefore = bot.skippedUpdates();

        for (int i = 0; i < FLOOD; i++) {
            telegram.personSends(flooder.id(), "message " + i);
        }
        long otherAsked = telegram.lastEventSequence();
        telegram.personSends(other.id(), "/start");
        long otherAnsweredWithin = awaitMillis(() -> telegram.events(other.id()).stream()
                .anyMatch(event -> event.sequence() > otherAsked && event.kind() == ChatEvent.Kind.BOT_SENT));
        awaitMillis(() -> bot.handledUpdates() - handledBefore + bot.skippedUpdates() - skippedBefore >= FLOOD + 1);

        long skipped = bot.skippedUpdates() - skippedBefore;
        long handled = bot.handledUpdates() - handledBefore - 1;
        assertThat(handled + skipped).isEqualTo(FLOOD);
        assertThat(skipped).as("skipped beyond the backlog").isGreaterThanOrEqualTo(FLOOD - 3L * BACKLOG);
        assertThat(otherAnsweredWithin).as("another chat waits for no flood").isLessThan(5_000);

        // The next message is answered, with what was skipped since the last answer.
        // Its answer queues behind the flood's replies, which leave at the chat's pace: wait for it.
        long menuAsked = telegram.lastEventSequence();
        telegram.personSends(flooder.id(), "/menu");
        awaitMillis(() -> telegram.events(flooder.id()).stream().anyMatch(event -> event.sequence() > menuAsked
                && event.kind() == ChatEvent.Kind.BOT_SENT && event.text().contains("What would you like to do?")));
        assertThat(telegram.events(flooder.id()).stream()
                .filter(event -> event.sequence() > menuAsked && event.kind() == ChatEvent.Kind.BOT_SENT)
                .map(ChatEvent::text)).anyMatch(text -> text.contains("What would you like to do?"));
        long told = flooder.botMessages().stream().map(ChatMessage::text).mapToLong(ChatFloodIT::skippedIn).sum();
        assertThat(told).as("skipped messages the person was told about").isEqualTo(skipped);
        assertThat(bot.failedUpdates()).isZero();
    }

    @Test
    void answersEveryPressOfAFloodEvenThoseItSkips() throws Exception {
        Person presser = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Press", "en");
        backend.registerUser(presser.id(), "Press Person");
        int menu = presser.says("/menu").lastShown().messageId();
        long skippedBefore = bot.skippedUpdates();

        for (int i = 0; i < 60; i++) {
            telegram.personPresses(presser.id(), menu, "❓ Help");
        }
        awaitMillis(() -> telegram.unansweredPresses() == 0);

        assertThat(telegram.unansweredPresses()).isZero();
        assertThat(bot.skippedUpdates() - skippedBefore).isPositive();
        assertThat(telegram.events(presser.id()).stream()
                .filter(event -> event.kind() == ChatEvent.Kind.BOT_ANSWERED_PRESS)
                .map(ChatEvent::text)).contains("Too fast: please wait for my answer");
    }

    private static long skippedIn(String text) {
        Matcher matcher = SKIPPED.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** Waits (at most 60 s) until {@code done}; returns how long it took. */
    private static long awaitMillis(BooleanSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
