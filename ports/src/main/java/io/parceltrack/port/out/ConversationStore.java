package io.parceltrack.port.out;

import java.util.Optional;

/**
 * Where a bot keeps each chat's conversation state, so that a dialogue survives a restart. The
 * state is opaque text owned by the bot.
 */
public interface ConversationStore {
    Optional<String> loadConversation(String bot, long chatId);

    void saveConversation(String bot, long chatId, String state);

    void deleteConversation(String bot, long chatId);
}
