package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Concurrently;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.service.ManagerParcelService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A track number that is taken already is drawn again by the service, never reported to the manager. */
class TrackNumberCollisionIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Clock CLOCK = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

    private static ManagerParcelService service(RandomGenerator random) {
        ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        return new ManagerParcelService(stores.parcels(), stores.checkpoints(), CLOCK, random);
    }

    private static int parcelCount() {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM parcels")
                .mapTo(Integer.class).one());
    }

    @Test
    void drawsAnotherTrackNumberWhenTheFirstIsTaken() {
        TrackNumber taken = new TrackNumber("AB123456789");
        Parcel existing = Fixtures.parcel(Fixtures.newId(), taken, Fixtures.T0);
        DATABASE.database().parcelStores(TestPayloads.PROTOBUF).parcels().insertParcel(existing);
        TelegramId manager = Fixtures.newId();

        Parcel added = service(new ScriptedRandom(taken, taken))
                .addParcel(new AddParcelCommand(manager, Fixtures.details("Garden hose")));

        assertThat(added.trackNumber()).isNotEqualTo(taken);
        assertThat(added.owner()).isEqualTo(manager);
        var parcels = DATABASE.database().parcelStores(TestPayloads.PROTOBUF).parcels();
        assertThat(parcels.findParcel(added.trackNumber())).contains(added);
        assertThat(parcels.findParcel(taken)).contains(existing);
        assertThat(parcelCount()).isEqualTo(2);
    }

    @Test
    void managersRacingForOneTrackNumberAllGetAParcel() throws Exception {
        TrackNumber contested = new TrackNumber("CD000000001");
        int managers = 8;

        var outcomes = Concurrently.run(managers, i -> service(new ScriptedRandom(contested))
                .addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Parcel " + i))));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).extracting(Parcel::trackNumber)
                .doesNotHaveDuplicates()
                .containsOnlyOnce(contested);
        assertThat(parcelCount()).isEqualTo(managers);
    }
}
