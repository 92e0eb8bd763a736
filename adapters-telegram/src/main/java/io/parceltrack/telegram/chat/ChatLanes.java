package io.parceltrack.telegram.chat;

import io.parceltrack.lanes.KeyedLanes;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The updates of each chat handled in order, one at a time, and chats side by side. A chat's next
 * update waits until the replies to the one before are sent, which also keeps each chat's outgoing
 * queue short. At most {@code perChat} updates of one chat wait: a flood from one chat cannot grow
 * memory or crowd out the others (the bot skips the excess, see {@link BotRuntime}). At most
 * {@code total} updates of all chats wait: beyond that the poller waits, and Telegram keeps the
 * updates meanwhile.
 */
final class ChatLanes {
    private static final int WORKERS = 8;

    private final KeyedLanes<Long> lanes;

    ChatLanes(String botName, int perChat, int total) {
        this.lanes = new KeyedLanes<>(botName + "-updates", WORKERS, perChat, total);
    }

    /**
     * Queues a chat's turn; {@code false} if the chat has {@code perChat} updates waiting already.
     *
     * @throws IllegalStateException once closed
     */
    boolean offer(long chatId, Supplier<CompletionStage<?>> turn) throws InterruptedException {
        return lanes.offer(chatId, turn::get);
    }

    /** Lets the updates handed over finish, for a few seconds at most. */
    void close() {
        lanes.close(Duration.ofSeconds(5));
    }
}
