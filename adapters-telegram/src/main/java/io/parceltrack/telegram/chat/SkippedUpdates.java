package io.parceltrack.telegram.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many updates of each chat were skipped because the chat sent faster than the bot can answer,
 * until the chat's next turn tells the person. Remembers at most {@value #CHATS} chats (the ones
 * that flooded longest ago are forgotten first), so a flood from many chats cannot grow it either.
 */
final class SkippedUpdates {
    static final int CHATS = 10_000;

    private final Map<Long, Integer> skipped = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > CHATS;
        }
    };
    private long total;

    synchronized void skip(long chatId) {
        skipped.merge(chatId, 1, Integer::sum);
        total++;
    }

    /** The chat's skipped updates not yet told, and forgets them. */
    synchronized int take(long chatId) {
        Integer count = skipped.remove(chatId);
        return count == null ? 0 : count;
    }

    /** Updates skipped since the bot was built. */
    synchronized long total() {
        return total;
    }
}
