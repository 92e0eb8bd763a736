package io.parceltrack.telegram.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bot's flood control. Admission looks at arrival times: in any window at most {@code perBot}
 * messages, and at most {@code perChat} into one chat. Going over sets a penalty on the bot or the
 * chat that lasts {@code retry_after} seconds, and requests during a penalty are refused too.
 *
 * <p>A request into a chat that was told to wait (answered 429 with a {@code retry_after} that has
 * not run out) is also counted: a bot that honours {@code retry_after} never sends one. Requests
 * into other chats during a bot-wide penalty are refused but not counted, as the bot may have sent
 * them before it could know.
 */
final class FloodControl {
    private record Accepted(long atNanos, long chatId) {}

    private EmulatorLimits limits;
    private final List<Accepted> log = new ArrayList<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByChat = new HashMap<>();
    private final Map<Long, Long> chatPenaltyUntil = new HashMap<>();
    private final Map<Long, Long> chatToldToWaitUntil = new HashMap<>();
    private Long botPenaltyUntil;
    private long tooManyRequests;
    private long requestsDuringPenalty;

    FloodControl(EmulatorLimits limits) {
        this.limits = limits;
    }

    synchronized void setLimits(EmulatorLimits limits) {
        this.limits = limits;
    }

    /** Records a message into {@code chatId} at {@code now}, or throws 429. */
    synchronized void admit(long chatId, long now) {
        if (!limits.enabled()) {
            log.add(new Accepted(now, chatId));
            return;
        }
        Long toldUntil = chatToldToWaitUntil.get(chatId);
        if (toldUntil != null && now - toldUntil < 0) {
            requestsDuringPenalty++;
        }
        Long penalty = latest(botPenaltyUntil, chatPenaltyUntil.get(chatId));
        if (penalty != null && now - penalty < 0) {
            throw tooManyRequests(chatId, secondsUntil(penalty, now), now);
        }
        long window = limits.window().toNanos();
        ArrayDeque<Long> chatRecent = recentByChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        prune(recent, now, window);
        prune(chatRecent, now, window);
        if (recent.size() >= limits.perBot()) {
            int retryAfter = secondsUntil(recent.peekFirst() + window, now);
            botPenaltyUntil = now + retryAfter * 1_000_000_000L;
            throw tooManyRequests(chatId, retryAfter, now);
        }
        if (chatRecent.size() >= limits.perChat()) {
            int retryAfter = secondsUntil(chatRecent.peekFirst() + window, now);
            chatPenaltyUntil.put(chatId, now + retryAfter * 1_000_000_000L);
            throw tooManyRequests(chatId, retryAfter, now);
        }
        recent.addLast(now);
        chatRecent.addLast(now);
        log.add(new Accepted(now, chatId));
    }

    private BotApiError tooManyRequests(long chatId, int retryAfterSeconds, long now) {
        tooManyRequests++;
        chatToldToWaitUntil.put(chatId, now + retryAfterSeconds * 1_000_000_000L);
        return BotApiError.tooManyRequests(retryAfterSeconds);
    }

    synchronized FloodStats stats() {
        long window = limits.window().toNanos();
        Map<Long, List<Long>> byChat = new HashMap<>();
        List<Long> all = new ArrayList<>(log.size());
        for (Accepted accepted : log) {
            all.add(accepted.atNanos());
            byChat.computeIfAbsent(accepted.chatId(), id -> new ArrayList<>()).add(accepted.atNanos());
        }
        int maxPerChat = byChat.values().stream().mapToInt(times -> maxInWindow(times, window)).max().orElse(0);
        return new FloodStats(log.size(), tooManyRequests, requestsDuringPenalty, maxInWindow(all, window), maxPerChat);
    }

    /** The most entries of an ascending list that fit in a half-open window of the given length. */
    private static int maxInWindow(List<Long> times, long window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static void prune(ArrayDeque<Long> times, long now, long window) {
        while (!times.isEmpty() && now - times.peekFirst() >= window) {
            times.removeFirst();
        }
    }

    private static Long latest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a - b >= 0 ? a : b;
    }

    /** Whole seconds, at least one, as Telegram's {@code retry_after} is. */
    private static int secondsUntil(long until, long now) {
        long nanos = until - now;
        return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
