package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.MigrationReport;
import io.parceltrack.postgres.PostgresDatabase;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings the schema of every configured database up to date, then exits: what a deployment runs
 * once (a Kubernetes Job) before the services start.
 */
final class MigrateCommand {
    static final String COMMAND = "migrate";

    private MigrateCommand() {}

    static void checkRequirements(AppSettings settings, SettingsReader reader) {
        if (databases(settings).isEmpty()) {
            reader.problem("parceltrack.db.accounts.url", "or PARCELTRACK_DB_PARCELS_URL or PARCELTRACK_DB_BOTS_URL"
                    + " must be set: there is no database to migrate");
        }
    }

    static void run(AppSettings settings, PrintStream out) {
        databases(settings).forEach((role, database) -> {
            try (PostgresDatabase opened = PostgresDatabase.open(DatabaseWiring.settings(database, COMMAND))) {
                out.println(describe(opened.migrate(role, settings.db().demoData())));
            }
        });
    }

    /** E.g. "parcels database: 3 migrations applied, schema now at version 3". */
    static String describe(MigrationReport report) {
        String line = report.role().name().toLowerCase(java.util.Locale.ROOT) + " database: "
                + (report.applied() == 0 ? "already up to date" : plural(report.applied(), "migration") + " applied")
                + ", schema at version " + (report.schemaVersion() == null ? "(none)" : report.schemaVersion());
        if (report.demoApplied() > 0 || report.demoVersion() != null) {
            line += "; demo data: " + (report.demoApplied() == 0 ? "already loaded" : plural(report.demoApplied(), "script") + " applied");
        }
        return line;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static Map<DatabaseRole, AppSettings.Database> databases(AppSettings settings) {
        Map<DatabaseRole, AppSettings.Database> configured = new LinkedHashMap<>();
        if (settings.db().accounts().configured()) {
            configured.put(DatabaseRole.ACCOUNTS, settings.db().accounts());
        }
        if (settings.db().parcels().configured()) {
            configured.put(DatabaseRole.PARCELS, settings.db().parcels());
        }
        if (settings.db().bots().configured()) {
            configured.put(DatabaseRole.BOTS, settings.db().bots());
        }
        return configured;
    }
}
