package io.parceltrack.postgres;

/** The stores of the bots database. */
public record BotStores(
        PostgresConversationStore conversations,
        PostgresBlockedChatStore blockedChats,
        PostgresProcessedMessageStore processedMessages,
        PostgresDeliveryClaimStore deliveryClaims) {}
