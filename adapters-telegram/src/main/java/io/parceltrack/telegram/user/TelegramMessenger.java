package io.parceltrack.telegram.user;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.telegram.chat.BotRuntime;
import io.parceltrack.telegram.chat.PushedMessage;

/**
 * Notifications as Telegram messages from the user bot, in each recipient's language. A call
 * returns once Telegram accepted the message, however long the bot's rate limits make it wait;
 * it is never dropped for a limit. A recipient who blocked the bot is recorded and not tried again
 * until they write to the bot.
 */
public final class TelegramMessenger implements Messenger {
    private final BotRuntime<?> bot;
    private final BlockedChatStore blockedChats;

    TelegramMessenger(BotRuntime<?> bot, BlockedChatStore blockedChats) {
        this.bot = bot;
        this.blockedChats = blockedChats;
    }

    @Override
    public SendResult sendNotification(Delivery delivery) {
        return PushedMessage.send(bot, blockedChats, delivery.recipient().value(),
                texts -> new NotificationText(texts, bot.dates()).render(delivery), "notification " + delivery.id());
    }
}
