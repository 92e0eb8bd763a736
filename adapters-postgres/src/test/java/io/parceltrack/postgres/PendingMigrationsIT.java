package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What readiness asks of a database: is its schema at the version this code needs? */
class PendingMigrationsIT {
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

    @Test
    void anEmptyDatabaseLacksEveryMigrationOfItsRole() {
        List<String> pending = database.pendingMigrations(DatabaseRole.PARCELS);

        assertThat(pending).isNotEmpty().startsWith("1");
        assertThat(database.pendingMigrations(DatabaseRole.ACCOUNTS)).isNotEmpty();
    }

    @Test
    void aMigratedDatabaseLacksNothing() {
        database.migrate(DatabaseRole.PARCELS, false);

        assertThat(database.pendingMigrations(DatabaseRole.PARCELS)).isEmpty();
        // Each role keeps its own history: the parcels schema says nothing of the bots one.
        assertThat(database.pendingMigrations(DatabaseRole.BOTS)).isNotEmpty();
    }

    @Test
    void aDatabaseMissingItsNewestMigrationNamesIt() {
        MigrationReport report = database.migrate(DatabaseRole.PARCELS, false);
        String newest = report.schemaVersion();
        // As if the database were restored from a backup taken before the newest migration's record.
        Jdbi.create(temporary.jdbcUrl(), "postgres", "").useHandle(handle -> handle.execute(
                "DELETE FROM " + DatabaseRole.PARCELS.historyTable() + " WHERE version = ?", newest));

        assertThat(database.pendingMigrations(DatabaseRole.PARCELS)).containsExactly(newest);
    }
}
