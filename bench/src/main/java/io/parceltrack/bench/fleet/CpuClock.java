package io.parceltrack.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time (user + system, all threads) of a Linux process, read from {@code /proc/<pid>/stat}.
 * The kernel counts it in clock ticks of 10 ms ({@code getconf CLK_TCK} = 100 on Linux/x86), so a
 * figure is only meaningful over seconds of load, which is how the harness uses it.
 */
final class CpuClock {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuClock() {}

    /** CPU nanoseconds the process used so far; 0 once it has gone (its time is then lost). */
    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are plain numbers.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name: state(3) ... utime(14) stime(15), i.e. index 11 and 12 here.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * When the process started, in clock ticks since boot; 0 once it has gone. With the pid, it names
     * one process: the kernel hands out a pid again once the process holding it has ended.
     */
    static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // starttime is field 22, index 19 after the name.
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long nanos(Collection<Long> pids) {
        return pids.stream().mapToLong(CpuClock::nanos).sum();
    }
}
