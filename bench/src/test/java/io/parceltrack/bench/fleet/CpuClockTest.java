package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class CpuClockTest {
    private static final long OWN_PID = ProcessHandle.current().pid();

    @Test
    void theSchedulersClockCountsWorkFinerThanTheClockTicks() {
        long before = CpuClock.preciseNanos(OWN_PID);
        long ticksBefore = CpuClock.nanos(OWN_PID);
        long threadBefore = cpuOfThisThread();
        spin(TimeUnit.MILLISECONDS.toNanos(30));
        long spentHere = cpuOfThisThread() - threadBefore;
        long measured = CpuClock.preciseNanos(OWN_PID) - before;

        // At least what this thread spent (other threads of the JVM only add), and in nanoseconds:
        // not a multiple of the 10 ms clock tick that /proc/<pid>/stat counts in.
        assertThat(measured).isGreaterThanOrEqualTo(spentHere - TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(measured % 10_000_000L).isNotZero();
        assertThat((CpuClock.nanos(OWN_PID) - ticksBefore) % 10_000_000L).isZero();
    }

    @Test
    void countsOnlyTheThreadsItsNameFilterAccepts() throws Exception {
        AtomicLong spentThere = new AtomicLong(-1);
        Thread busy = new Thread(() -> {
            long start = cpuOfThisThread();
            spin(TimeUnit.MILLISECONDS.toNanos(40));
            spentThere.set(cpuOfThisThread() - start);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(30));
        }, "clock-test-busy");
        busy.setDaemon(true);
        long before = CpuClock.preciseNanos(OWN_PID, "clock-test-busy"::equals);
        busy.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (busy.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long measured = CpuClock.preciseNanos(OWN_PID, "clock-test-busy"::equals) - before;
        busy.interrupt();

        assertThat(before).as("the thread did not exist yet").isZero();
        assertThat(spentThere.get()).as("the busy thread's own clock").isPositive();
        assertThat(measured).isBetween(spentThere.get() - TimeUnit.MILLISECONDS.toNanos(1),
                spentThere.get() + TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(CpuClock.preciseNanos(OWN_PID, name -> false)).isZero();
        assertThat(CpuClock.preciseNanos(OWN_PID, CpuClock::jitCompiler))
                .as("a JVM that ran this long has compiled something")
                .isPositive()
                .isLessThan(CpuClock.preciseNanos(OWN_PID));
    }

    @Test
    void aProcessThatIsGoneReadsZero() {
        // Above the machine's pid_max (32,768 here, at most 4,194,304 on Linux): no such process.
        assertThat(CpuClock.preciseNanos(5_000_000L)).isZero();
    }

    private static long cpuOfThisThread() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void spin(long cpuNanos) {
        long start = cpuOfThisThread();
        long sink = 0;
        while (cpuOfThisThread() - start < cpuNanos) {
            sink += System.nanoTime() % 7;
        }
        assertThat(sink).isNotNegative();
    }
}
