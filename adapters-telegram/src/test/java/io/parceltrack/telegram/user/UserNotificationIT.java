package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.Messenger.SendResult;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.emulator.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notifications through the user bot: in the recipient's language, with the time zone, and honest about late checkpoints. */
class UserNotificationIT {
    private static final long MANAGER = RunningUserBot.MANAGER;

    private static RunningUserBot running;
    private static Backend backend;

    @BeforeAll
    static void startBot() {
        running = new RunningUserBot("2201:user-notification-test", RecipientDetails.MASKED);
        backend = running.backend;
    }

    @AfterAll
    static void stopBot() {
        running.close();
    }

    /** The notifications the recipient gets for the checkpoints recorded since the last call. */
    private static List<ChatMessage> deliverPending(Person recipient) {
        for (Delivery delivery : backend.pendingDeliveries()) {
            assertThat(running.bot.messenger().sendNotification(delivery)).isEqualTo(SendResult.SENT);
        }
        List<ChatMessage> messages = recipient.botMessages();
        return messages.stream().filter(message -> message.text().startsWith("🔔")).toList();
    }

    @Test
    void notifiesInTheRecipientsLanguageWithTheTimeZoneAndAButtonToTheParcel() {
        Person olga = running.registeredPerson("ru");
        olga.says("/menu");
        Parcel parcel = backend.addParcel(MANAGER, "Самовар & чашки");
        Checkpoint checkpoint = new Checkpoint(Instant.parse("2026-03-01T09:30:00Z"), "Казань <сортировка>",
                "прибыла", ParcelStatus.IN_TRANSIT);

        SendResult result = running.bot.messenger().sendNotification(new Delivery(new EventId(UUID.randomUUID()),
                TelegramId.of(olga.id()), parcel.trackNumber(), parcel.name(), checkpoint));

        assertThat(result).isEqualTo(SendResult.SENT);
        ChatMessage notification = olga.lastBotMessage();
        assertThat(notification.text()).contains("Самовар & чашки").contains(parcel.trackNumber().value())
                .contains("Новый статус: в пути").contains("Когда: 01.03.2026 12:30 (UTC+3)")
                .contains("Казань <сортировка>").contains("прибыла");
        assertThat(olga.presses("📦 Открыть посылку").text()).contains("Самовар & чашки").contains("Статус");
    }

    /**
     * The case a recipient met: IN_TRANSIT now, then DELIVERED dated two hours earlier; the
     * notifications {@code recipient} gets for both, once they follow the parcel.
     */
    private static List<ChatMessage> lateCheckpointNotifications(Person recipient, String parcelName) {
        recipient.says("/menu");
        Parcel parcel = backend.addParcel(MANAGER, parcelName);
        backend.userParcels.subscribe(TelegramId.of(recipient.id()), parcel.trackNumber());
        Instant now = Instant.now();
        backend.addCheckpoint(MANAGER, parcel, now, "Kazan hub", ParcelStatus.IN_TRANSIT);
        backend.addCheckpoint(MANAGER, parcel, now.minus(Duration.ofHours(2)), "Door", ParcelStatus.DELIVERED);
        assertThat(backend.managerParcels.getOwnParcel(TelegramId.of(MANAGER), parcel.trackNumber()).status())
                .isEqualTo(ParcelStatus.IN_TRANSIT);
        List<ChatMessage> notifications = deliverPending(recipient);
        assertThat(notifications).hasSize(2);
        return notifications;
    }

    @Test
    void saysALateCheckpointLeftTheParcelsStatusAsItWasInEnglish() {
        List<ChatMessage> notifications = lateCheckpointNotifications(running.registeredPerson("en"), "Phone case");

        assertThat(notifications.get(0).text()).contains("New status: on its way").contains("(UTC+3)");
        assertThat(notifications.get(1).text()).doesNotContain("New status")
                .contains("An earlier checkpoint was recorded late: delivered")
                .contains("The parcel's status stays on its way").contains("Where: Door");
    }

    @Test
    void saysALateCheckpointLeftTheParcelsStatusAsItWasInRussian() {
        List<ChatMessage> notifications = lateCheckpointNotifications(running.registeredPerson("ru"), "Чехол");

        assertThat(notifications.get(0).text()).contains("Новый статус: в пути");
        assertThat(notifications.get(1).text()).doesNotContain("Новый статус")
                .contains("Задним числом добавлено более раннее событие: доставлена")
                .contains("Статус посылки не изменился: в пути");
    }
}
