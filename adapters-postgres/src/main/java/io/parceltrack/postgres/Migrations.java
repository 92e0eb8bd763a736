package io.parceltrack.postgres;

import io.parceltrack.port.out.UnavailableException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of a {@link DatabaseRole}. Each role, and its demo data, keeps its own
 * history table, so that roles can share a database and demo data can be added or left out at any
 * time without disturbing the schema's history.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The callbacks every run shares (db/checks/beforeMigrate.sql); no migrations. */
    static final String CHECKS = "db/checks";

    private Migrations() {}

    /** One Flyway run: how many migrations it applied and the version it left (null: none yet). */
    private record Run(int applied, String version) {}

    static MigrationReport apply(DataSource dataSource, PostgresSettings settings, DatabaseRole role, boolean withDemoData) {
        try (MigrationLock ignored = MigrationLock.take(settings)) {
            return applyLocked(dataSource, role, withDemoData);
        }
    }

    private static MigrationReport applyLocked(DataSource dataSource, DatabaseRole role, boolean withDemoData) {
        Run schema = migrate(dataSource, role.migrationsLocation(), role.historyTable());
        LOG.info("{} database: applied {} migration(s), schema version {}", role, schema.applied(), schema.version());
        Run demo = new Run(0, null);
        if (withDemoData && role.demoDataLocation().isPresent()) {
            demo = migrate(dataSource, role.demoDataLocation().get(), role.demoHistoryTable());
            LOG.info("{} database: applied {} demo data migration(s)", role, demo.applied());
        }
        return new MigrationReport(role, schema.applied(), schema.version(), demo.applied(), demo.version());
    }

    /**
     * The versions of {@code role}'s schema migrations not yet applied, oldest first: empty when the
     * schema is at the version this code needs (or ahead of it, during a rolling upgrade).
     */
    static List<String> pending(DataSource dataSource, DatabaseRole role) {
        try {
            return Arrays.stream(flyway(dataSource, role.migrationsLocation(), role.historyTable()).info().pending())
                    .map(migration -> migration.getVersion() == null ? migration.getDescription()
                            : migration.getVersion().getVersion())
                    .toList();
        } catch (FlywayException e) {
            throw translated(e);
        }
    }

    private static Run migrate(DataSource dataSource, String location, String historyTable) {
        Flyway flyway = flyway(dataSource, location, historyTable);
        try {
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return new Run(result.migrationsExecuted, current == null ? null : current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw translated(e);
        }
    }

    /** A database that cannot be reached is unavailable (try later); any other Flyway failure stays as it is. */
    private static RuntimeException translated(FlywayException e) {
        SQLException sql = SqlFailures.firstSqlException(e);
        return sql != null && SqlFailures.isUnavailable(sql) ? new UnavailableException(SqlFailures.UNAVAILABLE, e) : e;
    }

    private static Flyway flyway(DataSource dataSource, String location, String historyTable) {
        return Flyway.configure()
                .dataSource(dataSource)
                // db/checks holds no migrations, only the beforeMigrate callback every run shares.
                .locations("classpath:" + location, "classpath:" + CHECKS)
                .table(historyTable)
                // Another role's tables may already be in the database: start this history at
                // version 0 then, so that every migration of this role still runs. Safe with
                // concurrent first runs only because MigrationLock lets one run at a time.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }
}
