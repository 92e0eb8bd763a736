package io.parceltrack.bench.fleet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * CPU time (user + system, all threads) of a Linux process, read from {@code /proc/<pid>/stat}.
 * The kernel counts it in clock ticks of 10 ms ({@code getconf CLK_TCK} = 100 on Linux/x86), so a
 * figure is only meaningful over seconds of load, which is how the harness uses it.
 */
final class CpuClock {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuClock() {}

    /**
     * A process's start time and CPU so far, from one read of its {@code stat}. With the pid, the start
     * time names one process: the kernel hands out a pid again once the process holding it has ended.
     */
    record Sample(long startTicks, long nanos) {}

    /** The process's sample; empty once it has gone (its time is then lost). */
    static Optional<Sample> sample(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are plain numbers:
            // state(3) ... utime(14) stime(15) ... starttime(22), i.e. index 11, 12 and 19 here.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
            return Optional.of(new Sample(Long.parseLong(fields[19]), nanos));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** CPU nanoseconds the process used so far; 0 once it has gone (its time is then lost). */
    static long nanos(long pid) {
        return sample(pid).map(Sample::nanos).orElse(0L);
    }

    /**
     * CPU nanoseconds the process's live threads used so far, summed from each one's
     * {@code /proc/<pid>/task/<tid>/schedstat} (kept in nanoseconds by the scheduler): for rounds of
     * a tenth of a second, where clock ticks are too coarse. Threads that have ended are not counted,
     * so it suits processes whose threads live long (the JVMs' pools), between two close readings.
     */
    static long preciseNanos(long pid) {
        return preciseNanos(pid, null);
    }

    /**
     * As {@link #preciseNanos(long)}, for the threads whose name ({@code comm}: a JVM thread's name,
     * cut to 15 characters) {@code named} accepts; all of them when it is {@code null}.
     */
    static long preciseNanos(long pid, Predicate<String> named) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            long nanos = 0;
            for (Path task : tasks) {
                try {
                    if (named != null && !named.test(Files.readString(task.resolve("comm")).strip())) {
                        continue;
                    }
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    nanos += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                } catch (IOException | RuntimeException threadEnded) {
                    // ended between the listing and the read: its time is lost, as documented
                }
            }
            return nanos;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Whether a thread of a HotSpot JVM is one of its JIT compilers ({@code C1 CompilerThread0}, {@code C2 ...}). */
    static boolean jitCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    static long nanos(Collection<Long> pids) {
        return pids.stream().mapToLong(CpuClock::nanos).sum();
    }
}
