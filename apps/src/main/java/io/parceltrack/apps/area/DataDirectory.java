package io.parceltrack.apps.area;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.postgres.BundledPostgres;
import java.nio.file.Path;

/**
 * Standalone's data kept in a directory: a PostgreSQL server from the jar runs on it, listening on
 * a free loopback port only, and one database there holds what the accounts, parcels and bots
 * databases hold, with the real schema. Stopping and starting again finds everything as it was.
 */
public final class DataDirectory {
    private static final String DATABASE = "parceltrack";

    private final Path directory;
    private final BundledPostgres server;

    private DataDirectory(Path directory, BundledPostgres server) {
        this.directory = directory;
        this.server = server;
    }

    /** Starts the server on {@code directory}, creating its data there on first use. */
    public static DataDirectory start(String directory) {
        Path path = Path.of(directory).toAbsolutePath().normalize();
        BundledPostgres server = BundledPostgres.start(path.resolve("postgresql"), BundledPostgres.Durability.DURABLE);
        server.createDatabaseIfAbsent(DATABASE);
        return new DataDirectory(path, server);
    }

    /** {@code settings} with every database on this directory's server, migrated at start. */
    public AppSettings settingsFor(AppSettings settings) {
        AppSettings.Databases configured = settings.db();
        return settings.withDatabases(new AppSettings.Databases(
                onServer(configured.accounts()), onServer(configured.parcels()), onServer(configured.bots()),
                true, configured.demoData()));
    }

    /** For the start-up summary. */
    public String describe() {
        return "data: " + directory + " (PostgreSQL " + server.version() + " on 127.0.0.1:" + server.port()
                + ", this machine only; log in " + server.home().resolve("server.log") + ")";
    }

    /** Stops the server; the data stays. */
    public void stop() {
        server.close();
    }

    private AppSettings.Database onServer(AppSettings.Database database) {
        return new AppSettings.Database(server.jdbcUrl(DATABASE), BundledPostgres.SUPERUSER, "", database.poolSize());
    }
}
