package io.parceltrack.bench.postgres;

import io.parceltrack.bench.BenchmarkRun;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.ParcelStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.postgres.TestPayloads;
import io.parceltrack.service.ManagerParcelService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The unit of work of the parcels database: {@link ManagerParcelService#addCheckpoint} through
 * {@code PostgresCheckpointRecorder} (read the parcel, then one statement that updates it, inserts the
 * checkpoint and appends the outbox event if the parcel is unchanged, committing as it ends; lock,
 * decide again and write when it changed) on a fresh database of the test server. Run it with
 * {@code -t 1} and {@code -t 8}: each writer either has a parcel of its own or all share one, whose
 * row then serialises them (and makes most of their first attempts lose the race). Two yardsticks in the same run: a round trip through the same connection
 * pool (pgjdbc's validity check, an empty statement, as cheap as {@code SELECT 1}) and the commit
 * of a one-row insert, which pays the same WAL flush as a checkpoint does. Scores are operations per
 * second summed over all writers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostgresCheckpointBenchmark extends BenchmarkRun {
    private static final TelegramId MANAGER = new TelegramId(1_000_001L);

    /** One fresh database per fork, shared by all writers, dropped at the end. */
    @State(Scope.Benchmark)
    public static class ParcelsDatabase {
        TemporaryDatabase temporary;
        PostgresDatabase database;
        ManagerParcelService service;
        AddCheckpointCommand sharedParcelCheckpoint;

        @Setup
        public void migrate() throws SQLException {
            temporary = TemporaryDatabase.create();
            database = PostgresDatabase.open(temporary.settings());
            database.migrate(DatabaseRole.PARCELS, false);
            ParcelStores stores = database.parcelStores(TestPayloads.PROTOBUF);
            service = new ManagerParcelService(stores.parcels(), stores.checkpoints(), Clock.systemUTC(), new SecureRandom());
            sharedParcelCheckpoint = checkpointFor(newParcel("Shared parcel"));
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_commits (id bigserial PRIMARY KEY, written_at timestamptz NOT NULL)");
            }
        }

        Parcel newParcel(String name) {
            return service.addParcel(new AddParcelCommand(MANAGER, new ParcelDetails(
                    name, "Anna Smirnova", "Kazan, Bauman st. 1", Instant.now().plus(Duration.ofDays(3)), "")));
        }

        AddCheckpointCommand checkpointFor(Parcel parcel) {
            return new AddCheckpointCommand(MANAGER, parcel.trackNumber(), new Checkpoint(
                    Instant.now().minus(Duration.ofHours(1)), "Sorting centre, Kazan", "arrived", ParcelStatus.IN_TRANSIT));
        }

        Connection connect() throws SQLException {
            Properties credentials = new Properties();
            credentials.setProperty("user", temporary.settings().user());
            return DriverManager.getConnection(temporary.jdbcUrl(), credentials);
        }

        @TearDown
        public void drop() {
            database.close();
            temporary.close();
        }
    }

    /** One writer: its own parcel, and its own connection for the one-row commit. */
    @State(Scope.Thread)
    public static class Writer {
        AddCheckpointCommand ownParcelCheckpoint;
        Connection connection;
        PreparedStatement insertOneRow;

        @Setup
        public void prepare(ParcelsDatabase parcels) throws SQLException {
            ownParcelCheckpoint = parcels.checkpointFor(parcels.newParcel("Parcel of " + Thread.currentThread().getName()));
            connection = parcels.connect();
            insertOneRow = connection.prepareStatement("INSERT INTO bench_commits (written_at) VALUES (now())");
        }

        @TearDown
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public boolean pingThroughPool(ParcelsDatabase parcels) {
        if (!parcels.database.isReachable()) {
            throw new IllegalStateException("the database did not answer");
        }
        return true;
    }

    @Benchmark
    public int commitOneRow(Writer writer) throws SQLException {
        return writer.insertOneRow.executeUpdate();
    }

    @Benchmark
    public Parcel checkpointOwnParcel(ParcelsDatabase parcels, Writer writer) {
        return parcels.service.addCheckpoint(writer.ownParcelCheckpoint);
    }

    @Benchmark
    public Parcel checkpointSharedParcel(ParcelsDatabase parcels) {
        return parcels.service.addCheckpoint(parcels.sharedParcelCheckpoint);
    }
}
