package io.parceltrack.bench.fleet;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongFunction;

/**
 * Ready-made {@code POST /api/v1/checkpoints} requests, one per parcel under load, picked at random
 * like pgbench picks its rows: concurrent requests rarely hit the same parcel.
 */
final class CheckpointRequests implements LongFunction<byte[]> {
    private final byte[][] byParcel;
    private final long seed;

    CheckpointRequests(InetSocketAddress server, String token, String prefix, int parcels) {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600).toString();
        byParcel = new byte[parcels][];
        for (int i = 0; i < parcels; i++) {
            byParcel[i] = HttpConnection.request("POST", server, "/api/v1/checkpoints", token,
                    body(trackNumber(prefix, i + 1), time));
        }
        seed = System.nanoTime();
    }

    static String trackNumber(String prefix, int n) {
        return prefix + String.format("%09d", n);
    }

    static String body(String trackNumber, String time) {
        return """
                {"parcel_track_number":"%s","checkpoint_time":"%s","checkpoint_place":"Sorting centre, Kazan",\
                "checkpoint_description":"arrived","checkpoint_parcel_status":"IN_TRANSIT"}""".formatted(trackNumber, time);
    }

    @Override
    public byte[] apply(long sequence) {
        // A cheap, well-mixed index per sequence number (SplitMix64), the same for every client thread.
        long z = sequence + seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return byParcel[(int) Math.floorMod(z, (long) byParcel.length)];
    }
}
