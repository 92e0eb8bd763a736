package io.parceltrack.bench.service;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.service.ManagerParcelService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link ManagerParcelService#addCheckpoint} on {@link InMemoryParcelDatabase}: the unit of work of
 * standalone mode (ownership check, status rule, event id, checkpoint and outbox event stored under
 * the database's lock), spread over many parcels.
 *
 * <p>The outbox is drained every {@value #DRAIN_EVERY} checkpoints, as the relay would, so the
 * heap does not fill with events; that share of the relay's work is part of the measured cost.
 * The database is new for every iteration. {@code random} compares the production source of
 * event ids ({@code SecureRandom}) with a cheap one, to show what the secure source costs.
 */
public class InMemoryCheckpointBenchmark extends InMemoryBenchmark {
    static final int DRAIN_EVERY = 1024;
    private static final TelegramId MANAGER = new TelegramId(1_000_001L);

    @Param("1000")
    private int parcels;

    @Param({"secure", "splittable"})
    private String random;

    private InMemoryParcelDatabase database;
    private ManagerParcelService service;
    private AddCheckpointCommand[] commands;
    private int next;
    private int sinceDrain;

    @Setup(Level.Iteration)
    public void createParcels() {
        RandomGenerator source = "secure".equals(random) ? new SecureRandom() : new SplittableRandom(42);
        database = new InMemoryParcelDatabase();
        service = new ManagerParcelService(database, database, Clock.systemUTC(), source);
        Checkpoint inTransit = new Checkpoint(Instant.now().minus(Duration.ofHours(1)), "Sorting centre, Kazan",
                "arrived at the sorting centre", ParcelStatus.IN_TRANSIT);
        commands = new AddCheckpointCommand[parcels];
        for (int i = 0; i < parcels; i++) {
            Parcel parcel = service.addParcel(new AddParcelCommand(MANAGER, new ParcelDetails(
                    "Parcel " + i, "Anna Smirnova", "Kazan, Bauman st. 1", Instant.now().plus(Duration.ofDays(3)), "")));
            commands[i] = new AddCheckpointCommand(MANAGER, parcel.trackNumber(), inTransit);
        }
        next = 0;
        sinceDrain = 0;
    }

    @Benchmark
    public Parcel addCheckpoint() {
        AddCheckpointCommand command = commands[next];
        next = next + 1 == commands.length ? 0 : next + 1;
        Parcel updated = service.addCheckpoint(command);
        if (++sinceDrain == DRAIN_EVERY) {
            sinceDrain = 0;
            database.drain(DRAIN_EVERY, events -> {});
        }
        return updated;
    }
}
