package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.Messenger.SendResult;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The user bot end to end: the real telegrambots client against the emulator, services in memory. */
class UserBotIT {
    private static final String TOKEN = "2001:user-bot-test";
    private static final long MANAGER = 900_001;

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static EmulatedBot telegram;
    private static UserBot bot;

    @BeforeAll
    static void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_user_bot");
        bot = newBot();
        bot.start();
        backend.registerManager(MANAGER, "Max Manager");
    }

    @AfterAll
    static void stopBot() {
        bot.stop();
        emulator.stop();
    }

    private static UserBot newBot() {
        return new UserBot(TestBots.settings("user-bot", TOKEN, "parcel_user_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                backend.clock);
    }

    private static Person newPerson(String languageCode) {
        return new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Anna", languageCode);
    }

    private static Person registeredPerson() {
        Person person = newPerson("en");
        backend.registerUser(person.id(), "Anna Smirnova");
        return person;
    }

    @Test
    void registersStepByStepAndReasksEveryInvalidAnswerWithItsReason() {
        Person anna = newPerson("en");

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
    void letsThePhoneBeSkipped() {
        Person boris = newPerson("en");
        boris.says("/start");
        boris.says("Boris Ivanov");
        boris.says("boris@example.com");

        Answer done = boris.presses("Skip");

        assertThat(done.text()).contains("You are registered").contains("Phone: not given");
        assertThat(backend.accountService.getUser(TelegramId.of(boris.id())).profile().phoneNumber()).isEmpty();
    }

    @Test
    void leadsSomeoneUnregisteredToRegistrationWhateverTheyDo() {
        Person stranger = newPerson("en");

        assertThat(stranger.says("where is my parcel?").text()).contains("register").contains("full name");
        assertThat(stranger.says("/menu").text()).contains("register").contains("full name");
    }

    @Test
    void startsRegistrationAgainWhenTheStoredConversationOutlivedTheAccount() {
        Person anna = newPerson("en");
        backend.conversations.saveConversation("user-bot", anna.id(),
                "{\"v\":1,\"step\":\"IDLE\",\"language\":\"en\",\"values\":{}}");

        assertThat(anna.says("/start").text()).contains("register").contains("full name");
        assertThat(anna.says("Anna Again").text()).contains("e-mail");
    }

    @Test
    void showsTheParcelCardForATrackNumberTypedAtAnyTime() {
        Person anna = registeredPerson();
        Parcel parcel = backend.addParcel(MANAGER, "Winter boots");
        backend.addCheckpoint(MANAGER, parcel, "Moscow hub", ParcelStatus.IN_TRANSIT);
        backend.addCheckpoint(MANAGER, parcel, "Kazan hub", ParcelStatus.IN_TRANSIT);
        backend.addCheckpoint(MANAGER, parcel, "Ufa hub", ParcelStatus.IN_TRANSIT);
        backend.addCheckpoint(MANAGER, parcel, "Perm hub", ParcelStatus.IN_TRANSIT);
        String forecast = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .format(parcel.details().forecastDate().atZone(TestBots.MOSCOW));

        Answer card = anna.says("  " + parcel.trackNumber().value().toLowerCase() + " ");

        assertThat(card.text()).contains("Winter boots").contains(parcel.trackNumber().value())
                .contains("Status: on its way").contains("Recipient: Ivan Petrov")
                .contains("Delivery address: Kazan, Baumana 1").contains("Expected delivery: " + forecast)
                .contains("Description: two boxes").contains("Perm hub").contains("Ufa hub").contains("Kazan hub")
                .doesNotContain("Moscow hub").contains("earlier ones").contains("not subscribed");
        assertThat(card.lastShown().hasButton("🔔 Subscribe")).isTrue();
    }

    @Test
    void findsAParcelFromTheMenuAndReasksAnInvalidTrackNumber() {
        Person anna = registeredPerson();
        Parcel parcel = backend.addParcel(MANAGER, "Desk lamp");
        anna.says("/menu");

        assertThat(anna.presses("🔍 Find a parcel").text()).contains("track number");
        assertThat(anna.says("12345").text()).contains("2 Latin letters and 9 digits");
        assertThat(anna.says("ZZ000000000").text()).contains("No parcel has the track number ZZ000000000");
        anna.presses("🔍 Find a parcel");
        assertThat(anna.says(parcel.trackNumber().value()).text()).contains("Desk lamp");
    }

    @Test
    void togglesTheSubscriptionInPlace() {
        Person anna = registeredPerson();
        Parcel parcel = backend.addParcel(MANAGER, "Headphones");
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
        Person anna = registeredPerson();
        Parcel parcel = backend.addParcel(MANAGER, "Guitar strings");
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
        Person anna = registeredPerson();
        for (int i = 1; i <= 7; i++) {
            backend.userParcels.subscribe(TelegramId.of(anna.id()),
                    backend.addParcel(MANAGER, "Parcel number " + i).trackNumber());
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
        assertThat(backend.userParcels.listSubscriptions(TelegramId.of(anna.id()),
                io.parceltrack.domain.paging.PageRequest.first(10)).items()).hasSize(6);
    }

    @Test
    void showsWhatOthersTypedLiterallyWhateverCharactersItHas() {
        Person anna = registeredPerson();
        Parcel parcel = backend.addParcel(MANAGER, "<b>R&D</b> \"kit\" *_[x]_*");

        Answer card = anna.says(parcel.trackNumber().value());

        assertThat(card.text()).contains("<b>R&D</b> \"kit\" *_[x]_*");
    }

    @Test
    void speaksRussianToSomeoneWhoseTelegramIsInRussian() {
        Person olga = newPerson("ru");

        assertThat(olga.says("/start").text()).contains("Здравствуйте").contains("полное имя");
        assertThat(olga.says("Ол").text()).contains("Слишком коротко");
    }

    @Test
    void answersHelpCancelAndUnknownCommands() {
        Person anna = registeredPerson();

        assertThat(anna.says("/help").text()).contains("How it works").contains("/cancel");
        anna.says("/menu");
        anna.presses("🔍 Find a parcel");
        assertThat(anna.says("/cancel").text()).contains("stopped").contains("What would you like to do?");
        assertThat(anna.says("/cancel").text()).contains("nothing to stop");
        assertThat(anna.says("/teleport now").text()).contains("I don't know /teleport");
    }

    @Test
    void notifiesInTheRecipientsLanguageWithAButtonToTheParcel() {
        Person olga = newPerson("ru");
        backend.registerUser(olga.id(), "Ольга");
        olga.says("/menu");
        Parcel parcel = backend.addParcel(MANAGER, "Самовар & чашки");
        Checkpoint checkpoint = new Checkpoint(Instant.parse("2026-03-01T09:30:00Z"), "Казань <сортировка>",
                "прибыла", ParcelStatus.IN_TRANSIT);

        SendResult result = bot.messenger().sendNotification(new Delivery(new DeliveryId(UUID.randomUUID()),
                TelegramId.of(olga.id()), parcel.trackNumber(), parcel.name(), checkpoint));

        assertThat(result).isEqualTo(SendResult.SENT);
        ChatMessage notification = olga.lastBotMessage();
        assertThat(notification.text()).contains("Самовар & чашки").contains(parcel.trackNumber().value())
                .contains("Новый статус: в пути").contains("01.03.2026 12:30").contains("Казань <сортировка>")
                .contains("прибыла");
        assertThat(olga.presses("📦 Открыть посылку").text()).contains("Самовар & чашки").contains("Статус");
    }

    @Test
    void carriesOnAConversationAfterTheBotRestarts() {
        UserBot first = newBot();
        first.start();
        Person anna = new Person(telegram, first::handledUpdates, TestBots.newChatId(), "Anna", "en");
        // Only the restarting bots poll during this test.
        bot.stop();
        try {
            anna.says("/start");
            anna.says("Anna Restart");
            first.stop();
            UserBot second = newBot();
            second.start();
            try {
                Person sameAnna = new Person(telegram, second::handledUpdates, anna.id(), "Anna", "en");
                assertThat(sameAnna.says("anna@restart.example").text()).contains("phone number");
                assertThat(sameAnna.presses("Skip").text()).contains("Anna Restart");
            } finally {
                second.stop();
            }
        } finally {
            bot = newBot();
            bot.start();
        }
    }
}
