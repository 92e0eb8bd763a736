package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Apps that start together migrate the same fresh database at the same instant: three parcels apps
 * on one parcels database (as the six-process layout does), plus the other two roles sharing it (as
 * local set-ups do). Every run must succeed and leave one history per role, each migration applied
 * exactly once. Before MigrationLock, about one round in three failed to baseline a history table
 * another run had just created.
 */
class ConcurrentMigrationsIT {
    private static final List<DatabaseRole> STARTING_TOGETHER = List.of(
            DatabaseRole.PARCELS, DatabaseRole.PARCELS, DatabaseRole.PARCELS, DatabaseRole.ACCOUNTS, DatabaseRole.BOTS);

    @RepeatedTest(20)
    void everyMigrationOfAFreshDatabaseSucceedsWhenTheyAllStartAtOnce() throws Exception {
        try (TemporaryDatabase temporary = TemporaryDatabase.create()) {
            Concurrently.Outcomes<MigrationReport> outcomes = Concurrently.run(STARTING_TOGETHER.size(), thread -> {
                // A pool per migrator, as separate processes have.
                try (PostgresDatabase database = PostgresDatabase.open(temporary.settings())) {
                    return database.migrate(STARTING_TOGETHER.get(thread), false);
                }
            });

            assertThat(outcomes.failures()).isEmpty();
            Map<DatabaseRole, Integer> applied = outcomes.results().stream()
                    .collect(Collectors.groupingBy(MigrationReport::role, Collectors.summingInt(MigrationReport::applied)));
            assertThat(applied).containsExactlyInAnyOrderEntriesOf(
                    Map.of(DatabaseRole.PARCELS, MigrationScripts.versions(DatabaseRole.PARCELS).size(),
                            DatabaseRole.ACCOUNTS, MigrationScripts.versions(DatabaseRole.ACCOUNTS).size(),
                            DatabaseRole.BOTS, MigrationScripts.versions(DatabaseRole.BOTS).size()));
            Jdbi jdbi = Jdbi.create(temporary.jdbcUrl(), "postgres", "");
            for (DatabaseRole role : DatabaseRole.values()) {
                assertThat(appliedVersions(jdbi, role.historyTable())).as(role.historyTable())
                        .containsExactlyElementsOf(MigrationScripts.versions(role));
            }
        }
    }

    /** Versions of the successful migrations in the history, in the order they were installed. */
    private static List<String> appliedVersions(Jdbi jdbi, String historyTable) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT version FROM \"" + historyTable + "\""
                        + " WHERE success AND type <> 'BASELINE' AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
    }
}
