package io.parceltrack.apps.wiring;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.runtime.Lifecycle;
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

    public static PostgresDatabase open(AppSettings.Database database, DatabaseRole role, AppSettings.Databases all,
            String appName, Lifecycle lifecycle) {
        PostgresDatabase opened = PostgresDatabase.open(settings(database, appName));
        lifecycle.add(role.name().toLowerCase(Locale.ROOT) + " database pool", opened);
        if (all.migrateOnStart()) {
            MigrationReport report = opened.migrate(role, all.demoData());
            LOG.info("{} database schema is up to date: {}", role, report);
        }
        return opened;
    }

    public static PostgresSettings settings(AppSettings.Database database, String appName) {
        return PostgresSettings.of(database.url(), database.user(),
                        database.password().isEmpty() ? null : database.password(), appName)
                .withMaxPoolSize(database.poolSize());
    }
}
