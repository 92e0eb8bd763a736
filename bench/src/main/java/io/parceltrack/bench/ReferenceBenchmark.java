package io.parceltrack.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Yardsticks measured in the same run as the in-memory benchmarks, so that a result can be read as
 * a ratio ("costs 40 small allocations") that survives a busy, shared machine better than
 * nanoseconds do. {@link #sha256OfToken} is the part of authentication no code of ours can make
 * cheaper.
 */
public class ReferenceBenchmark extends InMemoryBenchmark {
    /** Something the size of a small value object, so allocating it cannot be optimised away. */
    private record Pair(long first, long second) {}

    private final byte[] token = "pt_benchmark-token-0123456789abcdefghijklmnopqrstuvwxyz"
            .getBytes(StandardCharsets.US_ASCII);
    private long counter;

    @Benchmark
    public void allocateSmallRecord(Blackhole blackhole) {
        blackhole.consume(new Pair(counter++, counter));
    }

    @Benchmark
    public byte[] sha256OfToken() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(token);
    }
}
