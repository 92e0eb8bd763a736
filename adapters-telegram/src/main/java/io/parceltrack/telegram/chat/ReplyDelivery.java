package io.parceltrack.telegram.chat;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a turn's replies into Bot API requests and sends them through the {@link PacedSender}, in
 * order. One that fails is logged and the rest still go; an edit of a message too old or gone to
 * edit is sent as a new message instead.
 */
final class ReplyDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);

    private final String botName;
    private final PacedSender sender;

    ReplyDelivery(String botName, PacedSender sender) {
        this.botName = botName;
        this.sender = sender;
    }

    /** Completes when every reply was sent or given up. */
    CompletableFuture<Void> deliver(long chatId, List<Reply> replies) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Reply reply : replies) {
            chain = chain.thenCompose(ignored -> deliverOne(chatId, reply).handle((answer, failure) -> {
                if (failure != null) {
                    logUndelivered(chatId, reply, rootCause(failure));
                }
                return null;
            }));
        }
        return chain;
    }

    private CompletableFuture<Serializable> deliverOne(long chatId, Reply reply) {
        if (reply instanceof Reply.Send send) {
            return sender.send(chatId, sendMessage(chatId, send.message()));
        }
        if (reply instanceof Reply.Edit edit) {
            EditMessageText method = EditMessageText.builder().chatId(chatId).messageId(edit.messageId())
                    .text(edit.message().text().html()).parseMode(ParseMode.HTML)
                    .replyMarkup(inlineKeyboard(edit.message().keyboard())).build();
            return sender.send(chatId, method).exceptionallyCompose(failure ->
                    rootCause(failure) instanceof TelegramRejectedException rejected && rejected.isMessageGone()
                            ? sender.send(chatId, sendMessage(chatId, edit.message()))
                            : CompletableFuture.failedFuture(failure));
        }
        return answerPress((Reply.AnswerPress) reply);
    }

    /** Button-press answers are not messages: they skip the pacing. */
    CompletableFuture<Serializable> answerPress(Reply.AnswerPress answer) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> method =
                AnswerCallbackQuery.builder().callbackQueryId(answer.callbackId());
        if (!answer.text().isEmpty()) {
            method.text(answer.text());
        }
        return sender.sendUnpaced(method.build());
    }

    /** The Bot API request for a new message to a chat. */
    static SendMessage sendMessage(long chatId, OutgoingMessage message) {
        return SendMessage.builder().chatId(chatId).text(message.text().html()).parseMode(ParseMode.HTML)
                .replyMarkup(inlineKeyboard(message.keyboard())).build();
    }

    private static InlineKeyboardMarkup inlineKeyboard(List<List<Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        return InlineKeyboardMarkup.builder().keyboard(rows.stream()
                        .map(row -> new InlineKeyboardRow(row.stream()
                                .map(button -> InlineKeyboardButton.builder().text(button.label())
                                        .callbackData(button.data()).build())
                                .toList()))
                        .toList())
                .build();
    }

    private void logUndelivered(long chatId, Reply reply, Throwable failure) {
        if (failure instanceof RecipientUnreachableException) {
            LOG.info("{}: chat {} blocked the bot; reply dropped", botName, chatId);
        } else {
            LOG.warn("{}: a {} to chat {} failed: {}", botName, reply.getClass().getSimpleName(), chatId,
                    failure.getMessage());
        }
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
