package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Concurrently;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.UserParcelService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The use cases that race in real life, run concurrently through the services on PostgreSQL. */
class ConcurrentUseCasesIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Clock CLOCK = Clock.fixed(Fixtures.T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    private final ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
    private final ManagerParcelService managers =
            new ManagerParcelService(stores.parcels(), stores.checkpoints(), CLOCK, new SecureRandom());
    private final UserParcelService users = new UserParcelService(stores.parcels(), stores.subscriptions());

    private static int count(String sql, Object... values) {
        return DATABASE.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < values.length; i++) {
                query.bind(i, values[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    @Test
    void concurrentSubscribesOfOneUserMakeOneSubscriptionAndTellTheRestItExists() throws Exception {
        Parcel parcel = managers.addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Tent")));
        TelegramId user = Fixtures.newId();

        var outcomes = Concurrently.run(8, i -> {
            users.subscribe(user, parcel.trackNumber());
            return true;
        });

        assertThat(outcomes.successes()).isEqualTo(1);
        assertThat(outcomes.failures()).hasSize(7).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.subject()).isEqualTo(Subject.SUBSCRIPTION)));
        assertThat(count("SELECT count(*) FROM subscriptions WHERE user_telegram_id = ?", user.value())).isEqualTo(1);
    }

    @Test
    void concurrentCheckpointsLeaveTheParcelWithTheLatestCheckpointsStatus() throws Exception {
        TelegramId manager = Fixtures.newId();
        Parcel parcel = managers.addParcel(new AddParcelCommand(manager, Fixtures.details("Bicycle")));
        int writers = 6;
        int perWriter = 5;

        var outcomes = Concurrently.run(writers, writer -> {
            List<Checkpoint> written = new ArrayList<>();
            for (int i = 0; i < perWriter; i++) {
                // Statuses alternate, so the parcel's final status tells which checkpoint won; the
                // latest (the highest step, odd) is IN_TRANSIT, unlike the parcel's initial status.
                long step = (long) i * writers + writer;
                ParcelStatus status = step % 2 == 1 ? ParcelStatus.IN_TRANSIT : ParcelStatus.PENDING;
                Checkpoint checkpoint = new Checkpoint(Fixtures.T0.plusSeconds(step), "hub " + writer, "", status);
                managers.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), checkpoint));
                written.add(checkpoint);
            }
            return written;
        });

        assertThat(outcomes.failures()).isEmpty();
        Checkpoint latest = outcomes.results().stream().flatMap(List::stream)
                .max(Comparator.comparing(Checkpoint::time)).orElseThrow();
        Parcel stored = managers.getOwnParcel(manager, parcel.trackNumber());
        assertThat(latest.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(stored.status()).isEqualTo(latest.status());
        assertThat(stored.lastCheckpointAt()).isEqualTo(latest.time());
        assertThat(count("SELECT count(*) FROM checkpoints")).isEqualTo(writers * perWriter);
        assertThat(count("SELECT count(*) FROM outbox WHERE track_number = ?", parcel.trackNumber().value()))
                .isEqualTo(writers * perWriter);
    }
}
