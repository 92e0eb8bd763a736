package io.parceltrack.apps.wiring;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SecuritySettings;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.MigrationReport;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.PostgresSettings;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the PostgreSQL database of one role, brings its schema up to date if asked, and closes it last. */
public final class DatabaseWiring {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWiring.class);

    private DatabaseWiring() {}

    /** The database of {@code role}, closed when the app stops; the app is ready only while it answers. */
    public static PostgresDatabase open(AppSettings.Database database, DatabaseRole role, Assembly assembly) {
        String name = role.name().toLowerCase(Locale.ROOT) + " database";
        SecuritySettings.QueryTimeouts limits = switch (role) {
            case ACCOUNTS -> assembly.settings().security().accountsTimeouts();
            case PARCELS -> assembly.settings().security().parcelsTimeouts();
            case BOTS -> assembly.settings().security().botsTimeouts();
        };
        PostgresDatabase opened = PostgresDatabase.open(settings(database, assembly.app())
                .withQueryTimeouts(limits.statement(), limits.lock()));
        assembly.lifecycle().add(name + " pool", opened);
        AppSettings.Databases all = assembly.settings().db();
        if (all.migrateOnStart()) {
            MigrationReport report = opened.migrate(role, all.demoData());
            LOG.info("{} database schema is up to date: {}", role, report);
        }
        assembly.readyWhen(name, opened::isReachable);
        return opened;
    }

    public static PostgresSettings settings(AppSettings.Database database, String appName) {
        return PostgresSettings.of(database.url(), database.user(),
                        database.password().isEmpty() ? null : database.password(), appName)
                .withMaxPoolSize(database.poolSize());
    }
}
