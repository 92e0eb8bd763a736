package io.parceltrack.lanes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final List<KeyedLanes<String>> opened = new ArrayList<>();

    private KeyedLanes<String> lanes(int workers, int perKey, int total) {
        KeyedLanes<String> lanes = new KeyedLanes<>("test", workers, perKey, total);
        opened.add(lanes);
        return lanes;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(lanes -> lanes.close(Duration.ZERO));
    }

    private static KeyedLanes.Task blockedOn(CountDownLatch gate, CountDownLatch started) {
        return KeyedLanes.Task.of(() -> {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private interface Enqueue {
        void run() throws InterruptedException;
    }

    /** Runs {@code enqueue} on a thread of its own and counts {@code done} down once it returned. */
    private static Thread inBackground(Enqueue enqueue, CountDownLatch done) {
        Thread thread = new Thread(() -> {
            try {
                enqueue.run();
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void runsTheTasksOfOneKeyInOrderOneAtATime() throws Exception {
        KeyedLanes<String> lanes = lanes(4, 1000, 1000);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();

        for (int i = 0; i < 500; i++) {
            int n = i;
            lanes.put("chat", KeyedLanes.Task.of(() -> {
                overlapped.compareAndSet(false, running.incrementAndGet() > 1);
                seen.add(n);
                running.decrementAndGet();
            }));
        }

        assertThat(lanes.awaitIdle(System.nanoTime() + WAIT_NANOS)).isTrue();
        assertThat(seen).hasSize(500).isSorted();
        assertThat(overlapped).isFalse();
    }

    @Test
    void runsOtherKeysWhileOneIsBusy() throws Exception {
        KeyedLanes<String> lanes = lanes(2, 10, 100);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.put("slow", blockedOn(gate, started));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        lanes.put("quick", KeyedLanes.Task.of(otherRan::countDown));

        assertThat(otherRan.await(10, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
    }

    @Test
    void keepsALaneBusyUntilItsTaskCompletesWithoutHoldingAThread() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 10, 100);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        CountDownLatch secondRan = new CountDownLatch(1);
        CountDownLatch otherKeyRan = new CountDownLatch(1);
        lanes.put("chat", () -> sent);
        lanes.put("chat", KeyedLanes.Task.of(secondRan::countDown));

        lanes.put("other", KeyedLanes.Task.of(otherKeyRan::countDown));

        assertThat(otherKeyRan.await(10, TimeUnit.SECONDS)).as("the only worker is free").isTrue();
        assertThat(secondRan.getCount()).as("the lane waits for the first task").isEqualTo(1);
        sent.complete(null);
        assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesWhatOneKeyOffersBeyondItsCapacityButTakesOtherKeys() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 3, 100);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        assertThat(lanes.offer("flood", blockedOn(gate, started))).isTrue();
        started.await(10, TimeUnit.SECONDS);

        List<Boolean> accepted = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            accepted.add(lanes.offer("flood", KeyedLanes.Task.of(ran::incrementAndGet)));
        }

        assertThat(accepted.stream().filter(b -> b)).hasSize(2);
        assertThat(lanes.backlog()).isEqualTo(3);
        assertThat(lanes.offer("someone else", KeyedLanes.Task.of(ran::incrementAndGet))).isTrue();
        gate.countDown();
        assertThat(lanes.awaitIdle(System.nanoTime() + WAIT_NANOS)).isTrue();
        assertThat(ran).hasValue(3);
    }

    @Test
    void putWaitsForRoomInsteadOfRefusing() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 1, 10);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        lanes.put("key", blockedOn(gate, started));
        started.await(10, TimeUnit.SECONDS);
        CountDownLatch secondQueued = new CountDownLatch(1);
        Thread publisher = inBackground(() -> lanes.put("key", KeyedLanes.Task.of(() -> { })), secondQueued);

        assertThat(secondQueued.await(200, TimeUnit.MILLISECONDS)).as("waits while the lane is full").isFalse();
        gate.countDown();
        assertThat(secondQueued.await(10, TimeUnit.SECONDS)).isTrue();
        publisher.join();
    }

    @Test
    void waitsWhileAllLanesTogetherAreFull() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 2, 2);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        lanes.put("a", blockedOn(gate, started));
        lanes.put("b", KeyedLanes.Task.of(() -> { }));
        CountDownLatch offered = new CountDownLatch(1);
        Thread poller = inBackground(() -> lanes.offer("c", KeyedLanes.Task.of(() -> { })), offered);

        assertThat(offered.await(200, TimeUnit.MILLISECONDS)).isFalse();
        gate.countDown();
        assertThat(offered.await(10, TimeUnit.SECONDS)).isTrue();
        poller.join();
    }

    @Test
    void aFailingTaskDoesNotStopItsLane() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 10, 10);
        CountDownLatch after = new CountDownLatch(2);
        lanes.put("key", KeyedLanes.Task.of(() -> {
            throw new IllegalStateException("bug");
        }));
        lanes.put("key", () -> CompletableFuture.failedFuture(new IllegalStateException("failed later")));
        lanes.put("key", KeyedLanes.Task.of(after::countDown));
        lanes.put("key", KeyedLanes.Task.of(after::countDown));

        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingLetsQueuedTasksFinishThenRefusesNewOnes() throws Exception {
        KeyedLanes<String> lanes = lanes(2, 100, 100);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            lanes.put("key" + (i % 3), KeyedLanes.Task.of(ran::incrementAndGet));
        }

        lanes.close(Duration.ofSeconds(10));

        assertThat(ran).hasValue(50);
        assertThatThrownBy(() -> lanes.offer("key0", KeyedLanes.Task.of(ran::incrementAndGet)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingDropsWhatCannotFinishInTime() throws Exception {
        KeyedLanes<String> lanes = lanes(1, 100, 100);
        CompletableFuture<Void> never = new CompletableFuture<>();
        AtomicInteger ran = new AtomicInteger();
        lanes.put("key", () -> never);
        lanes.put("key", KeyedLanes.Task.of(ran::incrementAndGet));

        lanes.close(Duration.ofMillis(50));
        never.complete(null);

        assertThat(ran).hasValue(0);
        assertThat(lanes.backlog()).isZero();
        assertThat(lanes.awaitIdle(System.nanoTime())).isTrue();
    }
}
