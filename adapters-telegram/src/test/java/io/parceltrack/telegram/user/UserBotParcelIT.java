package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user bot's parcels end to end: the public card (and the full one where configured), deep
 * links, the whole history page by page, and buttons that are stale or forged.
 */
class UserBotParcelIT {
    private static final long MANAGER = RunningUserBot.MANAGER;

    private static RunningUserBot running;
    private static RunningUserBot showingDetails;
    private static Backend backend;

    @BeforeAll
    static void startBots() {
        running = new RunningUserBot("2101:user-parcels-test", RecipientDetails.MASKED);
        showingDetails = new RunningUserBot("2102:user-details-test", RecipientDetails.SHOWN);
        backend = running.backend;
    }

    @AfterAll
    static void stopBots() {
        running.close();
        showingDetails.close();
    }

    private static Parcel parcelWithCheckpoints(Backend backend, String name, int count) {
        Parcel parcel = backend.addParcel(MANAGER, name);
        Instant start = Instant.now().minus(Duration.ofDays(1));
        for (int i = 1; i <= count; i++) {
            backend.addCheckpoint(MANAGER, parcel, start.plus(Duration.ofMinutes(i)), "Hub " + i, ParcelStatus.IN_TRANSIT);
        }
        return parcel;
    }

    @Test
    void showsWhatAPublicTrackerShowsForATrackNumberTypedAtAnyTime() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = parcelWithCheckpoints(backend, "Winter boots", 4);
        String forecast = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .format(parcel.details().forecastDate().atZone(TestBots.MOSCOW));

        Answer card = anna.says("  " + parcel.trackNumber().value().toLowerCase() + " ");

        assertThat(card.text()).contains("Winter boots").contains(parcel.trackNumber().value())
                .contains("Status: on its way").contains("Recipient: I. P***").contains("Expected delivery: " + forecast)
                .contains("Latest checkpoints (times in UTC+3)").contains("Hub 4").contains("Hub 3").contains("Hub 2")
                .doesNotContain("Hub 1\n").contains("earlier ones").contains("not subscribed")
                .doesNotContain("Ivan Petrov").doesNotContain("Baumana").doesNotContain("two boxes");
        assertThat(card.lastShown().hasButton("🔔 Subscribe")).isTrue();
        assertThat(card.lastShown().hasButton("🕓 History")).isTrue();
        assertThat(card.lastShown().hasButton("« Menu")).isTrue();
    }

    @Test
    void showsTheRecipientsDetailsWhereConfiguredTo() {
        Person anna = showingDetails.registeredPerson("ru");
        Parcel parcel = showingDetails.backend.addParcel(MANAGER, "Зимние ботинки");

        Answer card = anna.says(parcel.trackNumber().value());

        assertThat(card.text()).contains("Получатель: Ivan Petrov").contains("Адрес доставки: Kazan, Baumana 1")
                .contains("Описание: two boxes").contains("Последние события (время по UTC+3)")
                .contains("Событий пока нет");
    }

    @Test
    void pagesThroughTheWholeHistoryInPlaceWithOlderToTheLeft() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = parcelWithCheckpoints(backend, "Bookshelf", 12);
        int card = anna.says(parcel.trackNumber().value()).lastShown().messageId();

        Answer first = anna.pressesOn(card, "🕓 History");

        assertThat(first.edited()).isTrue();
        ChatMessage page = anna.message(card);
        assertThat(page.text()).contains("History of Bookshelf").contains("page 1").contains("Hub 12").contains("Hub 8")
                .doesNotContain("Hub 7\n").contains("(times in UTC+3)");
        assertThat(page.buttons()).extracting(button -> button.text())
                .containsExactly("◀ Older", "📦 Back to the parcel");
        anna.pressesOn(card, "◀ Older");
        anna.pressesOn(card, "Older");
        assertThat(anna.message(card).text()).contains("page 3").contains("Hub 2").contains("Hub 1");
        assertThat(anna.message(card).buttons()).extracting(button -> button.text())
                .containsExactly("Newer ▶", "📦 Back to the parcel");
        anna.pressesOn(card, "Newer ▶");
        assertThat(anna.message(card).text()).contains("page 2").contains("Hub 7").contains("Hub 3");
        assertThat(anna.message(card).buttons().get(0).text()).isEqualTo("◀ Older");
        assertThat(anna.message(card).buttons().get(1).text()).isEqualTo("Newer ▶");

        anna.pressesOn(card, "📦 Back to the parcel");

        assertThat(anna.message(card).text()).contains("Latest checkpoints").contains("Hub 12");
        assertThat(anna.message(card).hasButton("🔔 Subscribe")).isTrue();
    }

    @Test
    void pagesTheHistoryInRussianToo() {
        Person olga = running.registeredPerson("ru");
        Parcel parcel = parcelWithCheckpoints(backend, "Книжная полка", 6);
        int card = olga.says(parcel.trackNumber().value()).lastShown().messageId();

        olga.pressesOn(card, "История");

        assertThat(olga.message(card).text()).contains("История посылки «Книжная полка»").contains("страница 1")
                .contains("время по UTC+3");
        assertThat(olga.message(card).hasButton("◀ Раньше")).isTrue();
        olga.pressesOn(card, "Раньше");
        assertThat(olga.message(card).hasButton("Позже ▶")).isTrue();
    }

    @Test
    void aDeepLinkShowsTheParcelToARegisteredPersonReadyToSubscribe() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = backend.addParcel(MANAGER, "Linked lamp");

        Answer opened = anna.says("/start " + parcel.trackNumber().value());

        assertThat(opened.text()).contains("Linked lamp").contains("not subscribed");
        assertThat(anna.presses("🔔 Subscribe").pressNote()).contains("Subscribed");
        assertThat(backend.parcelDatabase.isSubscribed(TelegramId.of(anna.id()), parcel.trackNumber())).isTrue();
    }

    @Test
    void aDeepLinkLeadsANewcomerThroughRegistrationAndBackToTheParcel() {
        Person olga = running.newPerson("ru");
        Parcel parcel = backend.addParcel(MANAGER, "Самовар");

        Answer opened = olga.says("/start " + parcel.trackNumber().value());

        List<ChatMessage> shown = opened.shown();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).text()).contains("Самовар").contains("Получатель: I. P***")
                .doesNotContain("Подписаться");
        assertThat(shown.get(1).text()).contains("Здравствуйте").contains("Чтобы подписаться на эту посылку")
                .contains("имя и фамилию");
        olga.says("Ольга Иванова");
        olga.says("olga@example.com");
        Answer registered = olga.presses("Пропустить");

        assertThat(registered.shown()).hasSize(2);
        assertThat(registered.shown().get(0).text()).contains("Вы зарегистрированы");
        assertThat(registered.lastShown().text()).contains("Самовар").contains("Вы не подписаны");
        assertThat(olga.presses("🔔 Подписаться").pressNote()).contains("Готово");
        assertThat(backend.parcelDatabase.isSubscribed(TelegramId.of(olga.id()), parcel.trackNumber())).isTrue();
    }

    @Test
    void aTrackNumberTypedBeforeRegisteringLeadsIntoRegistrationWithoutContradiction() {
        Person boris = running.newPerson("en");
        Parcel parcel = backend.addParcel(MANAGER, "Typed first");

        Answer answer = boris.says(parcel.trackNumber().value());

        assertThat(answer.shown().get(0).text()).contains("Typed first");
        assertThat(answer.text()).contains("To subscribe to this parcel, please register first")
                .contains("What is your full name?").doesNotContain("send /start");
        boris.says("Boris Ivanov");
        boris.says("boris@example.com");
        assertThat(boris.presses("Skip").lastShown().hasButton("🔔 Subscribe")).isTrue();
    }

    @Test
    void aDeepLinkToNoParcelSaysSoAndAnOrdinaryPayloadIsAnOrdinaryStart() {
        Person anna = running.registeredPerson("en");

        assertThat(anna.says("/start ZZ000000000").text()).contains("No parcel has the track number ZZ000000000")
                .contains("What would you like to do?");
        assertThat(anna.says("/start from-a-website").text()).contains("Welcome back, Anna Smirnova");
    }

    @Test
    void clampsForgedPagesInOneStepAndSaysSo() {
        Person anna = running.registeredPerson("en");
        Parcel parcel = parcelWithCheckpoints(backend, "Forged pages", 3);
        backend.userParcels.subscribe(TelegramId.of(anna.id()), parcel.trackNumber());
        int card = anna.says(parcel.trackNumber().value()).lastShown().messageId();

        Answer history = anna.pressesWithData(card, "hist:" + parcel.trackNumber().value() + ":100000");
        assertThat(history.pressNote()).isEqualTo("That page no longer exists");
        assertThat(anna.message(card).text()).contains("page 1").contains("Hub 3");

        Answer list = anna.pressesWithData(card, "subs:100000");
        assertThat(list.pressNote()).isEqualTo("That page no longer exists");
        assertThat(anna.message(card).text()).contains("Your subscriptions, page 1").contains("Forged pages");

        Answer beyond = anna.pressesWithData(card, "subs:100001");
        assertThat(beyond.pressNote()).isEqualTo("That button is out of date");
        Answer unknown = anna.pressesWithData(card, "hist:ZZ000000000:1");
        assertThat(unknown.pressNote()).isEqualTo("This parcel no longer exists.");
        assertThat(running.bot.failedUpdates()).isZero();
    }

    @Test
    void aStaleParcelButtonInAListSaysSoAndKeepsTheList() {
        Person anna = running.registeredPerson("en");
        Parcel kept = backend.addParcel(MANAGER, "Kept parcel");
        Parcel deleted = backend.addParcel(MANAGER, "Deleted parcel");
        backend.userParcels.subscribe(TelegramId.of(anna.id()), kept.trackNumber());
        backend.userParcels.subscribe(TelegramId.of(anna.id()), deleted.trackNumber());
        anna.says("/menu");
        int list = anna.presses("📬 My subscriptions").lastShown().messageId();
        String before = anna.message(list).text();
        backend.managerParcels.deleteParcel(TelegramId.of(MANAGER), deleted.trackNumber());

        Answer pressed = anna.pressesOn(list, "Deleted parcel · waiting to be shipped");

        assertThat(pressed.pressNote()).isEqualTo("This parcel no longer exists.");
        assertThat(pressed.edited()).isFalse();
        assertThat(anna.message(list).text()).isEqualTo(before).contains("Kept parcel");
    }
}
