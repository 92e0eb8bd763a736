package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.postgres.PostgresTestDatabase;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import io.parceltrack.telegram.manager.ManagerBot;
import io.parceltrack.telegram.user.UserBot;
import java.net.URI;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversations stored by the version before typed states go on after the upgrade, from the
 * PostgreSQL store (rows written with plain SQL, as that version wrote them) and the in-memory one.
 */
class ConversationMigrationIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final String USER_TOKEN = "7001:migration-user-bot";
    private static final String MANAGER_TOKEN = "7002:migration-manager-bot";

    private final TelegramEmulator emulator = new TelegramEmulator().start(0);
    private final Backend backend = new Backend();
    private UserBot userBot;
    private ManagerBot managerBot;

    @AfterEach
    void stop() {
        if (userBot != null) {
            userBot.stop();
        }
        if (managerBot != null) {
            managerBot.stop();
        }
        emulator.stop();
    }

    /** A row of the conversations table as the previous version wrote it. */
    private static void insertRow(String bot, long chatId, String state) {
        DATABASE.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO conversations (bot, chat_id, state) VALUES (:bot, :chatId, :state)")
                .bind("bot", bot).bind("chatId", chatId).bind("state", state).execute());
    }

    @Test
    void aRegistrationBegunBeforeTheUpgradeGoesOnFromPostgres() {
        registrationGoesOn(DATABASE.database().botStores().conversations(),
                (chatId, state) -> insertRow("user-bot", chatId, state));
    }

    @Test
    void aRegistrationBegunBeforeTheUpgradeGoesOnFromMemory() {
        registrationGoesOn(backend.conversations, (chatId, state) -> backend.conversations.saveConversation(
                "user-bot", chatId, state));
    }

    @Test
    void aCheckpointBegunBeforeTheUpgradeIsRecordedFromPostgres() {
        checkpointGoesOn(DATABASE.database().botStores().conversations(),
                (chatId, state) -> insertRow("manager-bot", chatId, state));
    }

    @Test
    void aCheckpointBegunBeforeTheUpgradeIsRecordedFromMemory() {
        checkpointGoesOn(backend.conversations,
                (chatId, state) -> backend.conversations.saveConversation("manager-bot", chatId, state));
    }

    private void registrationGoesOn(ConversationStore store, BiConsumer<Long, String> storedByPreviousVersion) {
        EmulatedBot telegram = emulator.registerBot(USER_TOKEN, "parcel_migration_bot");
        long chat = TestBots.newChatId();
        storedByPreviousVersion.accept(chat, "{\"v\":1,\"step\":\"REG_PHONE\",\"language\":\"ru\","
                + "\"values\":{\"email\":\"olga@example.com\",\"fullName\":\"Ольга Иванова\"}}");
        userBot = new UserBot(TestBots.settings("user-bot", USER_TOKEN, "parcel_migration_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels, store,
                        backend.blockedChats), backend.clock);
        userBot.start();
        // Telegram sends no language this time: the stored one carries the conversation on in Russian.
        Person olga = new Person(telegram, userBot::handledUpdates, chat, "Ольга", null);

        Answer phoneRefused = olga.says("12345");
        Answer done = olga.presses("Пропустить");

        assertThat(phoneRefused.text()).contains("не похоже на номер телефона");
        assertThat(done.text()).contains("Вы зарегистрированы").contains("Ольга Иванова").contains("olga@example.com");
        User user = backend.accountService.getUser(TelegramId.of(chat));
        assertThat(user.profile().fullName()).isEqualTo("Ольга Иванова");
        assertThat(store.loadConversation("user-bot", chat).orElseThrow()).startsWith("{\"v\":2,");
    }

    private void checkpointGoesOn(ConversationStore store, BiConsumer<Long, String> storedByPreviousVersion) {
        EmulatedBot telegram = emulator.registerBot(MANAGER_TOKEN, "parcel_migration_manager_bot");
        long chat = TestBots.newChatId();
        backend.registerManager(chat, "Max Müller");
        Parcel parcel = backend.addParcel(chat, "Kettle");
        storedByPreviousVersion.accept(chat, "{\"v\":1,\"step\":\"CHECKPOINT_TIME\",\"language\":\"en\",\"values\":{"
                + "\"note\":\"arrived\",\"parcelName\":\"Kettle\",\"parcelStatus\":\"PENDING\",\"place\":\"Kazan hub\","
                + "\"status\":\"IN_TRANSIT\",\"trackNumber\":\"" + parcel.trackNumber().value() + "\"}}");
        managerBot = new ManagerBot(TestBots.settings("manager-bot", MANAGER_TOKEN, "parcel_migration_manager_bot",
                        emulator),
                new ManagerBot.Ports(backend.accountService, backend.accountService, backend.accountService,
                        backend.managerParcels, backend.webhooks, store, backend.blockedChats),
                new ManagerBot.Links(URI.create("http://localhost:8080/api/v1"), "parcel_migration_bot"),
                backend.clock);
        managerBot.start();
        Person max = new Person(telegram, managerBot::handledUpdates, chat, "Max", "en");

        Answer refused = max.says("not a date");
        assertThat(refused.text()).contains("write the date as DD.MM.YYYY HH:MM").contains("When did it happen?");
        Answer recorded = max.presses("⏱ Now");

        assertThat(recorded.text()).contains("Checkpoint added").contains("Kettle").contains("on its way");
        Checkpoint checkpoint = backend.managerParcels.listOwnParcelCheckpoints(TelegramId.of(chat),
                parcel.trackNumber(), PageRequest.first(1)).items().get(0);
        assertThat(checkpoint.place()).isEqualTo("Kazan hub");
        assertThat(checkpoint.description()).isEqualTo("arrived");
        assertThat(checkpoint.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
    }
}
