package io.parceltrack.telegram.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Handles the updates of one chat strictly one after another, and different chats in parallel:
 * each chat always goes to the same single-threaded lane.
 */
final class ChatLanes implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    ChatLanes(String name, int count) {
        for (int i = 0; i < count; i++) {
            String threadName = name + "-updates-" + i;
            lanes.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void execute(long chatId, Runnable task) {
        lanes.get((int) Math.floorMod(chatId, (long) lanes.size())).execute(task);
    }

    /** Lets the updates already handed over finish (for a few seconds at most). */
    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                lane.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
