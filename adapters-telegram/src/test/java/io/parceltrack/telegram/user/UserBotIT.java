package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.ChatMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user bot end to end, registration, subscriptions and commands: the real telegrambots client
 * against the emulator, services in memory. Parcels, links and history: {@link UserBotParcelIT}.
 */
class UserBotIT {
    private static RunningUserBot running;
    private static Backend backend;

    @BeforeAll
    static void startBot() {
        running = new RunningUserBot("2001:user-bot-test", RecipientDetails.MASKED);
        backend = running.backend;
    }

    @AfterAll
    static void stopBot() {
        running.close();
    }

    @Test
    void registersStepByStepAndReasksEveryInvalidAnswerWithItsReason() {
        Person anna = running.newPerson("en");

        assertThat(anna.says("/start").text()).contains("Hello").contains("full name");
        assertThat(anna.says("Al").text()).contains("too short").contains("at least 3").contains("you sent 2")
                .contains("full name");
        assertThat(anna.says("x".repeat(256)).text()).contains("too long").contains("at most 255");
        assertThat(anna.says("Anna Smirnova").text()).contains("e-mail");
        assertThat(anna.says("anna@").text()).contains("doesn't look like an e-mail").contains("e-mail address?");
        Answer phoneQuestion = anna.says("Anna@Example.COM");
        assertThat(phoneQuestion.text()).contains("phone number");
        assertThat(phoneQuestion.lastShown().hasButton("Skip")).isTrue();
        assertThat(anna.says("12345").text()).contains("doesn't look like a phone number");
        Answer done = anna.says("+7 (999) 123-45-67");

        assertThat(done.text()).contains("You are registered").contains("Anna Smirnova")
                .contains("Anna@example.com").contains("+79991234567").contains("What would you like to do?");
        assertThat(done.lastShown().hasButton("🔍 Find a parcel")).isTrue();
        User user = backend.accountService.getUser(TelegramId.of(anna.id()));
        assertThat(user.profile().fullName()).isEqualTo("Anna Smirnova");
        assertThat(user.profile().phoneNumber()).map(Object::toString).contains("+79991234567");
    }

    @Test
    void registersInRussianWithAPhoneLeftOutAsNotGiven() {
        Person olga = running.newPerson("ru");

        assertThat(olga.says("/start").text()).contains("Здравствуйте").contains("имя и фамилию");
        assertThat(olga.says("Ол").text()).contains("Слишком коротко").contains("не меньше 3 символов");
        assertThat(olga.says("Ольга Иванова").text()).contains("электронной почты");
        assertThat(olga.says("olga@").text()).contains("не похоже на адрес электронной почты");
        olga.says("olga@example.com");
        Answer done = olga.presses("Пропустить");

        assertThat(done.text()).contains("Вы зарегистрированы").contains("Телефон: не указан")
                .contains("Что будем делать?");
        assertThat(done.lastShown().hasButton("🔍 Найти посылку")).isTrue();
    }

    @Test
    void letsThePhoneBeSkippedByTheLabelWithoutItsEmojiToo() {
        Person boris = running.newPerson("en");
        boris.says("/start");
        boris.says("Boris Ivanov");
        boris.says("boris@example.com");

        Answer done = boris.presses("Skip");

        assertThat(done.text()).contains("You are registered").contains("Phone: not given");
        assertThat(backend.accountService.getUser(TelegramId.of(boris.id())).profile().phoneNumber()).isEmpty();
        assertThat(boris.presses("Find a parcel").text()).contains("Send me the track number");
    }

    @Test
    void leadsSomeoneUnregisteredToRegistrationWhateverTheyDo() {
        Person stranger = running.newPerson("en");

        assertThat(stranger.says("where is my parcel?").text()).contains("register").contains("full name");
        assertThat(stranger.says("/menu").text()).contains("register").contains("full name");
    }

    @Test
    void startsRegistrationAgainWhenTheStoredConversationOutlivedTheAccount() {
        Person anna = running.newPerson("en");
        backend.conversations.saveConversation("user-bot", anna.id(),
                "{\"v\":1,\"step\":\"IDLE\",\"language\":\"en\",\"values\":{}}");

        assertThat(anna.says("/start").text()).contains("register").contains("full name");
        assertThat(anna.says("Anna Again").text()).contains("e-mail");
    }

    @Test
    void findsAParcelFromTheMenuAndReasksAnInvalidTrackNumber() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(RunningUserBot.MANAGER, "Desk lamp");
        anna.says("/menu");

        assertThat(anna.presses("🔍 Find a parcel").text()).contains("track number");
        assertThat(anna.says("12345").text()).contains("2 Latin letters and 9 digits");
        assertThat(anna.says("ZZ000000000").text()).contains("No parcel has the track number ZZ000000000");
        anna.presses("🔍 Find a parcel");
        assertThat(anna.says(parcel.trackNumber().value()).text()).contains("Desk lamp");
    }

    @Test
    void togglesTheSubscriptionInPlace() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(RunningUserBot.MANAGER, "Headphones");
        int card = anna.says(parcel.trackNumber().value()).lastShown().messageId();

        Answer subscribed = anna.pressesOn(card, "🔔 Subscribe");

        assertThat(subscribed.edited()).isTrue();
        assertThat(subscribed.sentCount()).isZero();
        assertThat(subscribed.pressNote()).contains("Subscribed");
        ChatMessage shown = anna.message(card);
        assertThat(shown.text()).contains("You are subscribed");
        assertThat(shown.hasButton("🔕 Unsubscribe")).isTrue();
        assertThat(backend.parcelDatabase.isSubscribed(TelegramId.of(anna.id()), parcel.trackNumber())).isTrue();

        Answer unsubscribed = anna.pressesOn(card, "🔕 Unsubscribe");

        assertThat(unsubscribed.pressNote()).contains("Unsubscribed");
        assertThat(anna.message(card).hasButton("🔔 Subscribe")).isTrue();
        assertThat(anna.message(card).edits()).isEqualTo(2);
        assertThat(backend.parcelDatabase.isSubscribed(TelegramId.of(anna.id()), parcel.trackNumber())).isFalse();
    }

    @Test
    void tellsApartSubscribingTwiceAndUnsubscribingWhenNotSubscribed() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(RunningUserBot.MANAGER, "Guitar strings");
        int olderCard = anna.says(parcel.trackNumber().value()).lastShown().messageId();
        int newerCard = anna.says(parcel.trackNumber().value()).lastShown().messageId();
        anna.pressesOn(newerCard, "🔔 Subscribe");

        Answer twice = anna.pressesOn(olderCard, "🔔 Subscribe");

        assertThat(twice.pressNote()).contains("subscribed already");
        assertThat(anna.message(olderCard).hasButton("🔕 Unsubscribe")).isTrue();
        anna.pressesOn(newerCard, "🔕 Unsubscribe");
        assertThat(anna.pressesOn(olderCard, "🔕 Unsubscribe").pressNote()).contains("were not subscribed");
    }

    @Test
    void listsSubscriptionsPageByPageAndUnsubscribesFromTheList() {
        Person anna = running.registeredPerson("en");
        for (int i = 1; i <= 7; i++) {
            backend.userParcels.subscribe(TelegramId.of(anna.id()),
                    backend.addParcel(RunningUserBot.MANAGER, "Parcel number " + i).trackNumber());
        }
        anna.says("/menu");

        Answer first = anna.presses("📬 My subscriptions");
        assertThat(first.text()).contains("page 1").contains("Parcel number 7").contains("Parcel number 3")
                .doesNotContain("Parcel number 2");
        int list = first.lastShown().messageId();
        Answer second = anna.pressesOn(list, "Next ▶");
        assertThat(second.edited()).isTrue();
        assertThat(anna.message(list).text()).contains("page 2").contains("Parcel number 2")
                .contains("Parcel number 1");
        String firstTrackNumber = anna.message(list).buttons().stream()
                .filter(b -> b.callbackData().startsWith("lu:")).findFirst().orElseThrow().callbackData().split(":")[1];

        Answer stopped = anna.pressesOn(list, "✖ " + firstTrackNumber);

        assertThat(stopped.pressNote()).contains("Unsubscribed");
        assertThat(anna.message(list).text()).doesNotContain(firstTrackNumber);
        assertThat(backend.userParcels.listSubscriptions(TelegramId.of(anna.id()), PageRequest.first(10)).items())
                .hasSize(6);
    }

    @Test
    void saysNoParcelIsFollowedAnyMoreAfterTheLastUnsubscribeNotYet() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(RunningUserBot.MANAGER, "Only parcel");
        backend.userParcels.subscribe(TelegramId.of(anna.id()), parcel.trackNumber());
        anna.says("/menu");
        int list = anna.presses("📬 My subscriptions").lastShown().messageId();

        anna.pressesOn(list, "✖ " + parcel.trackNumber().value());

        assertThat(anna.message(list).text()).contains("You no longer follow any parcel").doesNotContain("yet");
        anna.says("/menu");
        assertThat(anna.presses("📬 My subscriptions").text()).contains("You don't follow any parcel yet");
    }

    @Test
    void showsWhatOthersTypedLiterallyWhateverCharactersItHas() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(RunningUserBot.MANAGER, "<b>R&D</b> \"kit\" *_[x]_*");

        Answer card = anna.says(parcel.trackNumber().value());

        assertThat(card.text()).contains("<b>R&D</b> \"kit\" *_[x]_*");
    }

    @Test
    void answersHelpCancelAndUnknownCommandsWithoutDoublePunctuation() {
        Person anna = running.registeredPerson("en");

        assertThat(anna.says("/help").text()).contains("How it works").contains("/cancel");
        anna.says("/menu");
        anna.presses("🔍 Find a parcel");
        assertThat(anna.says("/cancel").text()).contains("stopped").contains("What would you like to do?");
        assertThat(anna.says("/cancel").text()).contains("nothing to stop");
        assertThat(anna.says("/teleport now").text()).contains("Unknown command: /teleport\nSend /help");
        String longCommand = anna.says("/" + "x".repeat(3000)).text();
        assertThat(longCommand).contains("x…\nSend /help").doesNotContain("….");

        Person olga = running.registeredPerson("ru");
        assertThat(olga.says("/" + "я".repeat(100)).text()).contains("Такой команды нет: /я").contains("я…\n")
                .doesNotContain("…. ");
    }

    @Test
    void carriesOnAConversationAfterTheBotRestarts() {
        UserBot first = running.newBot(RecipientDetails.MASKED);
        first.start();
        Person anna = new Person(running.telegram, first::handledUpdates, TestBots.newChatId(), "Anna", "en");
        // Only the restarting bots poll during this test.
        running.bot.stop();
        try {
            anna.says("/start");
            anna.says("Anna Restart");
            first.stop();
            UserBot second = running.newBot(RecipientDetails.MASKED);
            second.start();
            try {
                Person sameAnna = new Person(running.telegram, second::handledUpdates, anna.id(), "Anna", "en");
                assertThat(sameAnna.says("anna@restart.example").text()).contains("phone number");
                assertThat(sameAnna.presses("Skip").text()).contains("Anna Restart");
            } finally {
                second.stop();
            }
        } finally {
            running.bot = running.newBot(RecipientDetails.MASKED);
            running.bot.start();
        }
    }
}
