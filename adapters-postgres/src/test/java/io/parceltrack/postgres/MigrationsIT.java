package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Migrations run on their own, repeatably, per role, with demo data only when asked for. */
class MigrationsIT {
    private static final TelegramId DEMO_MANAGER = new TelegramId(100000001);
    private static final TelegramId DEMO_USER = new TelegramId(200000001);
    private static final TrackNumber DEMO_PARCEL = new TrackNumber("DM000000001");

    private TemporaryDatabase temporary;
    private PostgresDatabase database;

    @BeforeEach
    void createEmptyDatabase() {
        temporary = TemporaryDatabase.create();
        database = PostgresDatabase.open(temporary.settings());
    }

    @AfterEach
    void dropDatabase() {
        database.close();
        temporary.close();
    }

    private List<String> tables() {
        return Jdbi.create(temporary.jdbcUrl(), "postgres", "").withHandle(handle -> handle.createQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .mapTo(String.class)
                .list());
    }

    @Test
    void eachRoleCreatesOnlyItsOwnTablesAndHistory() {
        MigrationReport report = database.migrate(DatabaseRole.ACCOUNTS, false);

        assertThat(report.applied()).isPositive();
        assertThat(report.demoApplied()).isZero();
        assertThat(tables()).containsExactly("flyway_history_accounts", "managers", "users");
    }

    @Test
    void migratingAgainAppliesNothing() {
        MigrationReport first = database.migrate(DatabaseRole.PARCELS, false);
        MigrationReport second = database.migrate(DatabaseRole.PARCELS, false);

        assertThat(first.applied()).isEqualTo(MigrationScripts.versions(DatabaseRole.PARCELS).size());
        assertThat(second.applied()).isZero();
        assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion())
                .isEqualTo(MigrationScripts.latest(DatabaseRole.PARCELS));
    }

    @Test
    void allRolesCanShareOneDatabase() {
        for (DatabaseRole role : DatabaseRole.values()) {
            database.migrate(role, false);
        }

        assertThat(tables()).contains("flyway_history_accounts", "flyway_history_parcels", "flyway_history_bots",
                "users", "parcels", "processed_messages", "conversations", "bot_processed_messages");
    }

    @Test
    void leavesDemoDataOutUnlessAskedFor() {
        database.migrate(DatabaseRole.ACCOUNTS, false);
        database.migrate(DatabaseRole.PARCELS, false);

        assertThat(database.accountStores().managers().findManager(DEMO_MANAGER)).isEmpty();
        assertThat(database.parcelStores(TestPayloads.PROTOBUF).parcels().findParcel(DEMO_PARCEL)).isEmpty();
    }

    @Test
    void addsDemoDataWhenAskedForEvenLater() {
        database.migrate(DatabaseRole.ACCOUNTS, false);
        database.migrate(DatabaseRole.PARCELS, false);

        MigrationReport accounts = database.migrate(DatabaseRole.ACCOUNTS, true);
        MigrationReport parcels = database.migrate(DatabaseRole.PARCELS, true);

        assertThat(accounts.demoApplied()).isEqualTo(1);
        assertThat(parcels.demoApplied()).isEqualTo(1);
        assertThat(database.accountStores().managers().findManager(DEMO_MANAGER))
                .hasValueSatisfying(manager -> assertThat(manager.hasApiToken()).isFalse());
        assertThat(database.accountStores().users().findUser(DEMO_USER)).isPresent();
        ParcelStores stores = database.parcelStores(TestPayloads.PROTOBUF);
        assertThat(stores.parcels().findParcelsByOwner(DEMO_MANAGER, PageRequest.firstDefault()).items()).hasSize(3);
        assertThat(stores.parcels().findParcel(DEMO_PARCEL))
                .hasValueSatisfying(parcel -> assertThat(parcel.status()).isEqualTo(ParcelStatus.IN_TRANSIT));
        assertThat(stores.parcels().findCheckpoints(DEMO_PARCEL, PageRequest.firstDefault()).items())
                .hasSize(2)
                .first().extracting(checkpoint -> checkpoint.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(stores.subscriptions().findSubscribers(DEMO_PARCEL, 0, 10)).containsExactly(DEMO_USER);
    }

    @Test
    void runsWithoutDemoDataAfterItWasApplied() {
        database.migrate(DatabaseRole.PARCELS, true);

        MigrationReport withoutDemo = database.migrate(DatabaseRole.PARCELS, false);
        MigrationReport withDemoAgain = database.migrate(DatabaseRole.PARCELS, true);

        assertThat(withoutDemo.applied()).isZero();
        assertThat(withDemoAgain.demoApplied()).isZero();
        assertThat(database.parcelStores(TestPayloads.PROTOBUF).parcels().findParcel(DEMO_PARCEL)).isPresent();
    }

    @Test
    void theBotsRoleHasNoDemoData() {
        MigrationReport report = database.migrate(DatabaseRole.BOTS, true);

        assertThat(DatabaseRole.BOTS.demoDataLocation()).isEmpty();
        assertThat(report.demoApplied()).isZero();
        assertThat(tables()).doesNotContain("flyway_history_bots_demo");
    }

    @Test
    void refusesADatabaseThatIsNotUtf8() {
        try (TemporaryDatabase ascii = TemporaryDatabase.create("SQL_ASCII");
                PostgresDatabase asciiDatabase = PostgresDatabase.open(ascii.settings())) {
            for (DatabaseRole role : DatabaseRole.values()) {
                assertThatThrownBy(() -> asciiDatabase.migrate(role, false))
                        .as(role.name())
                        .isInstanceOf(FlywayException.class)
                        .hasMessageContaining("needs a UTF8 database");
            }
        }
    }
}
