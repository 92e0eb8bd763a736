package io.parceltrack.telegram.user;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.chat.BotRuntime;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.RecipientUnreachableException;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;
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

    private final BotRuntime bot;
    private final BlockedChatStore blockedChats;

    TelegramMessenger(BotRuntime bot, BlockedChatStore blockedChats) {
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
        OutgoingMessage message = render(delivery, bot.phrasebook(bot.languageOf(chatId)));
        try {
            bot.sender().send(chatId, BotRuntime.sendMessage(chatId, message)).get();
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

    /** One message per checkpoint: parcel, new status, when, and where and what if known. */
    OutgoingMessage render(Delivery delivery, Phrasebook texts) {
        ParcelText parcelText = new ParcelText(texts, bot.dates());
        Checkpoint checkpoint = delivery.checkpoint();
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.NOTIFICATION, delivery.parcelName(), delivery.trackNumber().value(),
                parcelText.status(checkpoint.status()), bot.dates().format(checkpoint.time())));
        if (!checkpoint.place().isEmpty()) {
            lines.add(texts.phrase(Text.NOTIFICATION_PLACE, checkpoint.place()));
        }
        if (!checkpoint.description().isEmpty()) {
            lines.add(texts.phrase(Text.NOTIFICATION_DESCRIPTION, checkpoint.description()));
        }
        return OutgoingMessage.of(Markup.lines(lines)).withRow(
                new Button(texts.plain(Text.BUTTON_OPEN_PARCEL), "open:" + delivery.trackNumber().value()));
    }
}
