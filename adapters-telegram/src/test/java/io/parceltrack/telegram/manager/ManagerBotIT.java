package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.emulator.InlineButton;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager bot end to end: the real telegrambots client against the emulator, services in memory.
 * Russian, late checkpoints and stale or forged buttons: {@link ManagerBotEdgesIT}.
 */
class ManagerBotIT {
    private static final Pattern API_TOKEN = Pattern.compile("pt_[A-Za-z0-9_-]+");

    private static RunningManagerBot running;
    private static Backend backend;

    @BeforeAll
    static void startBot() {
        running = new RunningManagerBot("3001:manager-bot-test", "parcel_manager_bot");
        backend = running.backend;
    }

    @AfterAll
    static void stopBot() {
        running.close();
    }

    private static Person newManager() {
        return running.newManager("en");
    }

    private static Person registeredManager() {
        return running.registeredManager("en");
    }

    @Test
    void registersWithOptionalPhoneAndCompanyReaskingInvalidAnswers() {
        Person max = newManager();

        Answer greeting = max.says("/start");
        assertThat(greeting.text()).contains("shipping managers");
        assertThat(greeting.lastShown().hasButton("📝 Register")).isTrue();
        assertThat(max.presses("📝 Register").text()).contains("full name");
        assertThat(max.says("Mx").text()).contains("too short");
        max.says("Max Müller");
        assertThat(max.says("max at shop").text()).contains("doesn't look like an e-mail");
        max.says("max@shop.example");
        assertThat(max.presses("Skip").text()).contains("company");
        assertThat(max.says("AB").text()).contains("too short").contains("at least 3");
        Answer done = max.says("Fast Parcels Ltd");

        assertThat(done.text()).contains("You are registered").contains("Max Müller").contains("Phone: not given")
                .contains("Company: Fast Parcels Ltd");
        assertThat(done.lastShown().hasButton("➕ Add parcel")).isTrue();
        Manager manager = backend.accountService.getManager(TelegramId.of(max.id()));
        assertThat(manager.companyName()).contains("Fast Parcels Ltd");
        assertThat(manager.profile().phoneNumber()).isEmpty();
    }

    @Test
    void registersWithoutCompanyWhenSkipped() {
        Person lena = newManager();
        lena.says("/start");
        lena.presses("📝 Register");
        lena.says("Lena Orlova");
        lena.says("lena@shop.example");
        lena.says("+44 20 7946 0958");

        Answer done = lena.presses("Skip");

        assertThat(done.text()).contains("Phone: +442079460958").contains("Company: not given");
        assertThat(backend.accountService.getManager(TelegramId.of(lena.id())).companyName()).isEmpty();
    }

    @Test
    void addsAParcelStepByStepReaskingInvalidAnswers() {
        Person max = registeredManager();

        assertThat(max.presses("➕ Add parcel").text()).contains("called");
        assertThat(max.says("TV").text()).contains("too short").contains("at least 3");
        assertThat(max.says("Kettle <steel> & glass").text()).contains("receives");
        assertThat(max.says("Ivan Petrov").text()).contains("address");
        assertThat(max.says("Kazan, Baumana 1").text()).contains("DD.MM.YYYY HH:MM").contains("Europe/Moscow");
        assertThat(max.says("next friday").text()).contains("write the date as DD.MM.YYYY HH:MM");
        assertThat(max.says("31.02.2027 10:00").text()).contains("There is no such date as 31.02.2027 10:00")
                .doesNotContain("write the date as");
        assertThat(max.says("01.01.1999 10:00").text()).contains("between 2000 and 9999");
        assertThat(max.says("01.01.2020 10:00").text()).contains("That moment has passed");
        assertThat(max.says("24.12.2027 18:30").text()).contains("description");
        Answer created = max.presses("Skip");

        assertThat(created.text()).contains("Parcel created").contains("Kettle <steel> & glass")
                .contains("Expected delivery: 24.12.2027 18:30");
        Parcel parcel = backend.managerParcels.listOwnParcels(TelegramId.of(max.id()), PageRequest.first(1)).items().get(0);
        assertThat(created.text()).contains(parcel.trackNumber().value())
                .contains("Link for the recipient: https://t.me/parcel_user_bot?start=" + parcel.trackNumber().value());
        assertThat(parcel.details().forecastDate()).isEqualTo(Instant.parse("2027-12-24T15:30:00Z"));
        assertThat(parcel.details().description()).isEmpty();
        assertThat(parcel.status()).isEqualTo(ParcelStatus.PENDING);
    }

    @Test
    void addsACheckpointFromTheMenuReaskingInvalidAnswers() {
        Person max = registeredManager();
        Parcel parcel = backend.addParcel(max.id(), "Coffee grinder");
        Parcel sameName = backend.addParcel(max.id(), "Coffee grinder");
        Parcel delivered = backend.addParcel(max.id(), "Delivered already");
        backend.addCheckpoint(max.id(), delivered, "Door", ParcelStatus.DELIVERED);
        Person other = registeredManager();
        Parcel othersParcel = backend.addParcel(other.id(), "Not yours");

        Answer pick = max.presses("📍 Add checkpoint");
        assertThat(pick.text()).contains("Which parcel?");
        assertThat(pick.lastShown().buttons()).extracting(InlineButton::text).containsExactly(
                "Coffee grinder · " + sameName.trackNumber().value(), "Coffee grinder · " + parcel.trackNumber().value(),
                "« Menu");
        assertThat(max.says("no-such-number").text()).contains("2 Latin letters and 9 digits");
        assertThat(max.says(othersParcel.trackNumber().value()).text()).contains("belongs to another manager");
        Answer status = max.presses("Coffee grinder · " + parcel.trackNumber().value());
        assertThat(status.text()).contains("new status").contains(parcel.trackNumber().value());
        assertThat(max.says("delivered").text()).contains("choose the status with a button");
        assertThat(max.presses("on its way").text()).contains("Where is it now?");
        assertThat(max.says("Kazan sorting hub").text()).contains("What happened?");
        assertThat(max.says("line one\nline two").text()).contains("When did it happen?");
        assertThat(max.says("01.01.2099 10:00").text()).contains("24 hours ahead");
        Answer added = max.presses("Now");

        assertThat(added.text()).contains("Checkpoint added").contains("Coffee grinder").contains("on its way");
        assertThat(backend.managerParcels.getOwnParcel(TelegramId.of(max.id()), parcel.trackNumber()).status())
                .isEqualTo(ParcelStatus.IN_TRANSIT);
        Checkpoint checkpoint = backend.managerParcels.listOwnParcelCheckpoints(TelegramId.of(max.id()),
                parcel.trackNumber(), PageRequest.first(5)).items().get(0);
        assertThat(checkpoint.place()).isEqualTo("Kazan sorting hub");
        assertThat(checkpoint.description()).isEqualTo("line one\nline two");
    }

    @Test
    void refusesToStartACheckpointOnAFinishedParcel() {
        Person max = registeredManager();
        Parcel parcel = backend.addParcel(max.id(), "Old parcel");
        backend.addCheckpoint(max.id(), parcel, "Door", ParcelStatus.DELIVERED);
        max.presses("📍 Add checkpoint");

        assertThat(max.says(parcel.trackNumber().value()).text()).contains("delivered already")
                .contains("None of your parcels can take a checkpoint");
    }

    @Test
    void listsParcelsPageByPageWithDetailsHistoryAndConfirmedDeletion() {
        Person max = registeredManager();
        Parcel oldest = backend.addParcel(max.id(), "Parcel A");
        for (String name : List.of("Parcel B", "Parcel C", "Parcel D", "Parcel E", "Parcel F", "Parcel G")) {
            backend.addParcel(max.id(), name);
        }
        for (int i = 1; i <= 6; i++) {
            backend.addCheckpoint(max.id(), oldest, "Stop " + i, ParcelStatus.IN_TRANSIT);
        }

        Answer first = max.presses("📦 My parcels");
        assertThat(first.text()).contains("page 1").contains("Parcel G").contains("Parcel C").doesNotContain("Parcel B");
        int list = first.lastShown().messageId();
        max.pressesOn(list, "Next ▶");
        assertThat(max.message(list).text()).contains("page 2").contains("Parcel A").contains("Parcel B");

        Answer details = max.pressesOn(list, "Parcel A · on its way");
        assertThat(details.text()).contains("Parcel A").contains("History, page 1 (times in UTC+3)").contains("Stop 6")
                .contains("Stop 3").doesNotContain("Stop 2")
                .contains("Link for the recipient: https://t.me/parcel_user_bot?start=" + oldest.trackNumber().value());
        int card = details.lastShown().messageId();
        max.pressesOn(card, "◀ Older");
        assertThat(max.message(card).text()).contains("page 2").contains("Stop 2").contains("Stop 1");
        assertThat(max.message(card).hasButton("Newer ▶")).isTrue();

        assertThat(max.pressesOn(card, "🗑 Delete").text()).contains("Delete the parcel").contains("can't be undone");
        assertThat(max.pressesOn(card, "No, keep it").text()).contains("Parcel A");
        max.pressesOn(card, "🗑 Delete");
        Answer deleted = max.pressesOn(card, "Yes, delete it");

        assertThat(deleted.text()).contains("deleted").contains(oldest.trackNumber().value());
        assertThatThrownBy(() -> backend.managerParcels.getOwnParcel(TelegramId.of(max.id()), oldest.trackNumber()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void issuesAndRotatesTheApiTokenShowingItOnce() {
        Person max = registeredManager();

        Answer none = max.presses("🔑 API token");
        assertThat(none.text()).contains("no API token yet");
        int firstScreen = none.lastShown().messageId();
        Answer issued = max.presses("🔑 Issue a token");
        String firstToken = token(issued.text());
        assertThat(issued.text()).contains("only time it is shown")
                .contains("curl -H \"Authorization: Bearer " + firstToken + "\" http://localhost:8080/api/v1/parcels");
        assertThat(backend.accountService.authenticate(firstToken)).isEqualTo(TelegramId.of(max.id()));

        Answer again = max.pressesOn(firstScreen, "🔑 Issue a token");
        assertThat(again.pressNote()).contains("token already");
        assertThat(again.text()).doesNotContain(firstToken);
        assertThat(again.lastShown().hasButton("♻️ Rotate the token")).isTrue();
        max.presses("🔑 API token");
        String secondToken = token(max.presses("♻️ Rotate the token").text());

        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(backend.accountService.authenticate(secondToken)).isEqualTo(TelegramId.of(max.id()));
        assertThatThrownBy(() -> backend.accountService.authenticate(firstToken))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void opensAParcelFromItsCreationSummaryAndStartsACheckpointThere() {
        Person max = registeredManager();
        Parcel parcel = backend.addParcel(max.id(), "Bicycle");
        max.presses("📦 My parcels");
        int card = max.presses("Bicycle · waiting to be shipped").lastShown().messageId();

        assertThat(max.pressesOn(card, "📍 Add checkpoint").text()).contains("new status")
                .contains(parcel.trackNumber().value());
        List<InlineButton> statuses = max.lastBotMessage().buttons();
        assertThat(statuses).extracting(InlineButton::text)
                .containsExactly("waiting to be shipped", "on its way", "delivered", "canceled");
    }

    private static String token(String text) {
        Matcher matcher = API_TOKEN.matcher(text);
        assertThat(matcher.find()).as("a token in: " + text).isTrue();
        return matcher.group();
    }
}
