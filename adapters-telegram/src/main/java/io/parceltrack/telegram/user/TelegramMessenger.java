package io.parceltrack.telegram.user;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.chat.BotRuntime;
import io.parceltrack.telegram.chat.RecipientUnreachableException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications as Telegram messages from the user bot, in each recipient's language. A call
 * returns once Telegram accepted the message, however long the bot's rate limits make it wait;
 * it is never dropped for a limit. A recipient who blocked the bot is recorded and not tried again
 * until they write to the bot.
 */
public final class TelegramMessenger implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramMessenger.class);

    private final BotRuntime<?> bot;
    private final BlockedChatStore blockedChats;

    TelegramMessenger(BotRuntime<?> bot, BlockedChatStore blockedChats) {
        this.bot = bot;
        this.blockedChats = blockedChats;
    }

    @Override
    public SendResult sendNotification(Delivery delivery) {
        long chatId = delivery.recipient().value();
        String botName = bot.settings().name();
        if (blockedChats.isBlocked(botName, chatId)) {
            return SendResult.RECIPIENT_UNREACHABLE;
        }
        NotificationText text = new NotificationText(bot.phrasebook(bot.languageOf(chatId)), bot.dates());
        try {
            bot.send(chatId, text.render(delivery)).get();
            return SendResult.SENT;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RecipientUnreachableException) {
                return SendResult.RECIPIENT_UNREACHABLE;
            }
            if (cause instanceof UnavailableException unavailable) {
                throw unavailable;
            }
            // Telegram refused the message itself: a bug of ours, not something a retry fixes soon.
            LOG.error("{}: notification {} refused by Telegram: {}", botName, delivery.id(), cause.getMessage());
            throw new IllegalStateException("Telegram refused notification " + delivery.id(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while sending a notification", e);
        }
    }
}
