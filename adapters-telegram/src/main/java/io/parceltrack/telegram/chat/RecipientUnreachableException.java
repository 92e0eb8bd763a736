package io.parceltrack.telegram.chat;

/** Telegram will not deliver to this chat: the person blocked the bot, or the chat is gone. */
public final class RecipientUnreachableException extends RuntimeException {
    public RecipientUnreachableException(long chatId, String reason) {
        super("chat " + chatId + " is unreachable: " + reason, null, false, false);
    }
}
