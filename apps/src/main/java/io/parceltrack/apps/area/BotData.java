package io.parceltrack.apps.area;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.memory.InMemoryBlockedChatStore;
import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.memory.InMemoryDeliveryClaimStore;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.DeliveryClaimStore;
import io.parceltrack.port.out.ProcessedMessageStore;
import io.parceltrack.postgres.BotStores;
import io.parceltrack.postgres.DatabaseRole;

/**
 * What the bots keep: conversations, chats that blocked a bot, deliveries being sent or sent, and
 * the ids of other messages already given (the manager bot's notices of disabled webhook endpoints).
 */
public record BotData(ConversationStore conversations, BlockedChatStore blockedChats,
        DeliveryClaimStore deliveryClaims, ProcessedMessageStore processedMessages) {

    /** In the bots database when one is configured, else in memory. */
    public static BotData open(Assembly assembly) {
        AppSettings.Database database = assembly.settings().db().bots();
        if (!database.configured()) {
            return new BotData(new InMemoryConversationStore(), new InMemoryBlockedChatStore(),
                    new InMemoryDeliveryClaimStore(), new InMemoryProcessedMessageStore());
        }
        BotStores stores = DatabaseWiring.open(database, DatabaseRole.BOTS, assembly).botStores();
        return new BotData(stores.conversations(), stores.blockedChats(), stores.deliveryClaims(), stores.processedMessages());
    }
}
