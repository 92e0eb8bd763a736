package io.parceltrack.telegram.chat;

import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.Messenger.SendResult;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.text.Phrasebook;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message a bot sends on its own (not as an answer): in the chat's language, paced like every
 * other message, and waited for until Telegram accepted it. A chat that blocked the bot is not
 * tried; one that blocks it now is recorded by the sender.
 */
public final class PushedMessage {
    private static final Logger LOG = LoggerFactory.getLogger(PushedMessage.class);

    private PushedMessage() {}

    /**
     * @param what names the message in errors and logs, e.g. "notification 1f2e..."; never its text
     * @throws UnavailableException if Telegram could not be reached (the caller tries again later)
     */
    public static SendResult send(BotRuntime<?> bot, BlockedChatStore blockedChats, long chatId,
            Function<Phrasebook, OutgoingMessage> render, String what) {
        String botName = bot.settings().name();
        if (blockedChats.isBlocked(botName, chatId)) {
            return SendResult.RECIPIENT_UNREACHABLE;
        }
        OutgoingMessage message = render.apply(bot.phrasebook(bot.languageOf(chatId)));
        try {
            bot.send(chatId, message).get();
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
            LOG.error("{}: {} refused by Telegram: {}", botName, what, cause.getMessage());
            throw new IllegalStateException("Telegram refused " + what, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while sending " + what, e);
        }
    }
}
