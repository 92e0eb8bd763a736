package io.parceltrack.apps.wiring;

import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.rest.ReadinessCheck;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready once the database's schema is at the version this code needs: no migration of its role is
 * pending (a migration job or another instance may still be running them). A schema only moves
 * forward, so once current it is not looked at again; until then each probe asks Flyway, and the
 * pending versions are logged whenever they change, so the operator sees why the app is not ready.
 */
final class SchemaReadiness implements ReadinessCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaReadiness.class);

    private final PostgresDatabase database;
    private final DatabaseRole role;
    private volatile boolean current;
    private List<String> lastPending = List.of();

    SchemaReadiness(PostgresDatabase database, DatabaseRole role) {
        this.database = database;
        this.role = role;
    }

    @Override
    public boolean isReady() {
        if (current) {
            return true;
        }
        List<String> pending = database.pendingMigrations(role);
        synchronized (this) {
            if (!pending.equals(lastPending)) {
                lastPending = pending;
                if (!pending.isEmpty()) {
                    LOG.warn("{} database schema is behind: migrations {} are pending (run `parceltrack migrate`)",
                            role, pending);
                }
            }
        }
        current = pending.isEmpty();
        return current;
    }
}
