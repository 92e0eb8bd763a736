package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manager bot in Russian, with late checkpoints, and with stale or forged buttons. */
class ManagerBotEdgesIT {
    private static RunningManagerBot running;
    private static Backend backend;

    @BeforeAll
    static void startBot() {
        running = new RunningManagerBot("3101:manager-edges-test", "parcel_manager_edges_bot");
        backend = running.backend;
    }

    @AfterAll
    static void stopBot() {
        running.close();
    }

    @Test
    void registersInRussianWithEachLeftOutAnswerInItsOwnGender() {
        Person max = running.newManager("ru");

        assertThat(max.says("/start").text()).contains("Здравствуйте").contains("менеджеры");
        assertThat(max.presses("Зарегистрироваться").text()).contains("имя и фамилию");
        max.says("Максим Петров");
        max.says("max@shop.example");
        assertThat(max.presses("Пропустить").text()).contains("Какую компанию вы представляете?");
        Answer done = max.presses("Пропустить");

        assertThat(done.text()).contains("Вы зарегистрированы").contains("Телефон: не указан")
                .contains("Компания: не указана");
        assertThat(done.lastShown().hasButton("📍 Новое событие")).isTrue();
    }

    @Test
    void tellsADateThatDoesNotExistFromAMisshapenOneInRussian() {
        Person max = running.registeredManager("ru");
        max.presses("Новая посылка");
        max.says("Чайник");
        max.says("Иван Петров");
        max.says("Казань, Баумана 1");

        assertThat(max.says("31.02.2027 12:00").text()).contains("Такой даты нет: 31.02.2027 12:00");
        assertThat(max.says("завтра").text()).contains("Напишите дату в виде ДД.ММ.ГГГГ ЧЧ:ММ");
        assertThat(max.says("01.01.2021 12:00").text()).contains("Это время уже прошло");
        assertThat(max.says("24.12.2030 18:30").text()).contains("Короткое описание");
    }

    @Test
    void saysALateCheckpointLeftTheStatusAsItWas() {
        Person max = running.registeredManager("en");
        Parcel parcel = backend.addParcel(max.id(), "Phone case");
        Instant now = Instant.now();
        backend.addCheckpoint(max.id(), parcel, now, "Kazan hub", ParcelStatus.IN_TRANSIT);
        String twoHoursAgo = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .format(now.minus(Duration.ofHours(2)).atZone(java.time.ZoneId.of("Europe/Moscow")));
        max.presses("📍 Add checkpoint");
        max.presses("Phone case · " + parcel.trackNumber().value());
        max.presses("delivered");
        max.presses("Skip");
        max.presses("Skip");

        Answer added = max.says(twoHoursAgo);

        assertThat(added.text()).contains("Checkpoint added to the history of Phone case")
                .contains("dated before the latest one, so the status stays on its way");
        assertThat(backend.managerParcels.getOwnParcel(TelegramId.of(max.id()), parcel.trackNumber()).status())
                .isEqualTo(ParcelStatus.IN_TRANSIT);
    }

    @Test
    void aStaleParcelButtonInTheListSaysSoAndKeepsTheList() {
        Person max = running.registeredManager("en");
        Parcel kept = backend.addParcel(max.id(), "Kept parcel");
        Parcel deleted = backend.addParcel(max.id(), "Deleted parcel");
        int list = max.presses("📦 My parcels").lastShown().messageId();
        String before = max.message(list).text();
        backend.managerParcels.deleteParcel(TelegramId.of(max.id()), deleted.trackNumber());

        Answer pressed = max.pressesOn(list, "Deleted parcel · waiting to be shipped");

        assertThat(pressed.pressNote()).isEqualTo("This parcel no longer exists.");
        assertThat(pressed.edited()).isFalse();
        assertThat(max.message(list).text()).isEqualTo(before).contains(kept.trackNumber().value());
        assertThat(max.pressesOn(list, "Kept parcel · waiting to be shipped").text()).contains("Kept parcel");
    }

    @Test
    void clampsAForgedPageInOneStepAndSaysSo() {
        Person max = running.registeredManager("en");
        Parcel parcel = backend.addParcel(max.id(), "Only parcel");
        int list = max.presses("📦 My parcels").lastShown().messageId();

        Answer forged = max.pressesWithData(list, "pl:100000");

        assertThat(forged.pressNote()).isEqualTo("That page no longer exists");
        assertThat(max.message(list).text()).contains("Your parcels, page 1").contains("Only parcel");
        Answer history = max.pressesWithData(list, "ph:" + parcel.trackNumber().value() + ":99999");
        assertThat(history.pressNote()).isEqualTo("That page no longer exists");
        assertThat(max.message(list).text()).contains("History, page 1");
        assertThat(max.pressesWithData(list, "ph:ZZ000000000:2").pressNote()).isEqualTo("This parcel no longer exists.");
        assertThat(max.pressesWithData(list, "pl:999999999").pressNote()).isEqualTo("That button is out of date");
        assertThat(running.bot.failedUpdates()).isZero();
    }
}
