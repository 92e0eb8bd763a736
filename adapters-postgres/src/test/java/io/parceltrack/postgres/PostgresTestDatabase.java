package io.parceltrack.postgres;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * A JUnit 5 extension that gives tests a real PostgreSQL database: one {@link TemporaryDatabase}
 * for the whole test run, migrated for every {@link DatabaseRole} (they share it), emptied before
 * each test, and dropped when the run ends (or, if the run is killed, when its JVM exits). As tests
 * share that database, they must not run in parallel (JUnit's default).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();
 * ... DATABASE.database().parcelStores(TestPayloads.PROTOBUF) ...
 * }</pre>
 */
public final class PostgresTestDatabase implements BeforeAllCallback, BeforeEachCallback {
    private static final Namespace NAMESPACE = Namespace.create(PostgresTestDatabase.class);

    private RunDatabase run;

    @Override
    public void beforeAll(ExtensionContext context) {
        run = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunDatabase.class, key -> new RunDatabase(), RunDatabase.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        run.empty();
    }

    /** The pooled database the stores run on. */
    public PostgresDatabase database() {
        return started().database;
    }

    /** How to reach the test database, e.g. to hand to an app under test. */
    public PostgresSettings settings() {
        return started().temporary.settings();
    }

    /** Plain JDBI on the test database, for what a test checks or sets up behind the stores' backs. */
    public Jdbi jdbi() {
        return started().jdbi;
    }

    private RunDatabase started() {
        if (run == null) {
            throw new IllegalStateException("register PostgresTestDatabase as a static @RegisterExtension field");
        }
        return run;
    }

    /** The run's database; JUnit closes it, dropping the database, when the run ends. */
    private static final class RunDatabase implements AutoCloseable {
        private final TemporaryDatabase temporary;
        private final PostgresDatabase database;
        private final Jdbi jdbi;
        private final List<String> deleteAll;

        RunDatabase() {
            temporary = TemporaryDatabase.create();
            PostgresSettings settings = temporary.settings();
            database = PostgresDatabase.open(settings);
            for (DatabaseRole role : DatabaseRole.values()) {
                database.migrate(role, false);
            }
            jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), "");
            List<String> tables = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT tablename FROM pg_tables
                            WHERE schemaname = 'public' AND tablename NOT LIKE 'flyway_history_%'
                            ORDER BY tablename
                            """)
                    .mapTo(String.class)
                    .list());
            deleteAll = tables.stream().map(table -> "DELETE FROM \"" + table + '"').toList();
        }

        /**
         * DELETE rather than TRUNCATE: for the few rows a test leaves behind it takes about a
         * millisecond, where TRUNCATE, which gives every table new files, takes around 100 ms.
         */
        void empty() {
            jdbi.useTransaction(handle -> deleteAll.forEach(handle::execute));
        }

        @Override
        public void close() {
            database.close();
            temporary.close();
        }
    }
}
