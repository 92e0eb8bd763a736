package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * V9 moved the rules of the columns a checkpoint writes from table CHECK constraints to domains
 * (PostgreSQL re-plans a table's checks for every write; see the migration). Upgrading a database
 * that holds data keeps the data and its storage, leaves no table check on the checkpoint's path,
 * and every rule still refuses what it refused, under its old constraint name.
 */
class ColumnDomainsIT {
    private static final String SQLSTATE_CHECK_VIOLATION = "23514";

    private TemporaryDatabase temporary;
    private Jdbi jdbi;

    @BeforeEach
    void createDatabaseAtVersion8WithData() {
        temporary = TemporaryDatabase.create();
        jdbi = Jdbi.create(temporary.jdbcUrl(), "postgres", "");
        Flyway.configure()
                .dataSource(temporary.jdbcUrl(), "postgres", "")
                .locations("classpath:" + DatabaseRole.PARCELS.migrationsLocation(), "classpath:" + Migrations.CHECKS)
                .table(DatabaseRole.PARCELS.historyTable())
                .target("8")
                .load()
                .migrate();
        jdbi.useHandle(handle -> handle.execute("""
                WITH parcel AS (
                    INSERT INTO parcels (track_number, name, recipient, arrival_address, forecast_date, description,
                                         owner_telegram_id, status, created_at)
                    VALUES ('PB000000001', 'Phone case', 'Anna Smirnova', 'Kazan, Bauman st. 1',
                            '2026-12-10 12:00:00+00', 'blue', 1, 'PENDING', now())
                    RETURNING id
                )
                INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
                SELECT id, '2026-12-04 10:00:00+00', 'Sorting centre, Kazan', 'arrived', 'IN_TRANSIT' FROM parcel
                """));
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO outbox (event_id, track_number, payload, trace)
                VALUES (gen_random_uuid(), 'PB000000001', '\\x0a'::bytea,
                        '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
                """));
    }

    @AfterEach
    void dropDatabase() {
        temporary.close();
    }

    private void upgrade() {
        try (PostgresDatabase database = PostgresDatabase.open(temporary.settings())) {
            assertThat(database.migrate(DatabaseRole.PARCELS, false).schemaVersion())
                    .isEqualTo(MigrationScripts.latest(DatabaseRole.PARCELS));
        }
    }

    private Map<String, Long> storage() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.relname, c.relfilenode
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
                          AND c.relname NOT LIKE 'flyway_history_%'
                        """)
                .setMapKeyColumn("relname")
                .setMapValueColumn("relfilenode")
                .collectInto(new GenericType<Map<String, Long>>() {}));
    }

    @Test
    void upgradingKeepsTheRowsAndRewritesNeitherTablesNorIndexes() {
        Map<String, Long> before = storage();

        upgrade();

        assertThat(storage()).isEqualTo(before);
        List<String> rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT p.track_number || ' ' || p.status || ' ' || c.place || ' ' || c.status || ' ' || o.trace
                        FROM parcels p JOIN checkpoints c ON c.parcel_id = p.id JOIN outbox o ON o.track_number = p.track_number
                        """)
                .mapTo(String.class)
                .list());
        assertThat(rows).containsExactly("PB000000001 PENDING Sorting centre, Kazan IN_TRANSIT "
                + "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void noTableOnTheCheckpointsPathKeepsACheckConstraint() {
        upgrade();

        List<String> checks = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                        WHERE t.relname IN ('parcels', 'checkpoints', 'outbox') AND c.contype = 'c'
                        """)
                .mapTo(String.class)
                .list());

        assertThat(checks).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            parcels_track_number_check      | UPDATE parcels SET track_number = 'pb000000001'
            parcels_name_check              | UPDATE parcels SET name = 'ab'
            parcels_recipient_check         | UPDATE parcels SET recipient = repeat('r', 256)
            parcels_arrival_address_check   | UPDATE parcels SET arrival_address = 'ab'
            parcels_forecast_date_check     | UPDATE parcels SET forecast_date = '1999-12-31 23:59:59+00'
            parcels_description_check       | UPDATE parcels SET description = repeat('d', 256)
            parcels_owner_telegram_id_check | UPDATE parcels SET owner_telegram_id = 0
            parcels_status_check            | UPDATE parcels SET status = 'UNKNOWN'
            checkpoints_checkpoint_time_check | UPDATE checkpoints SET checkpoint_time = '10000-01-01 00:00:00+00'
            checkpoints_place_check         | INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status) SELECT id, now(), repeat('p', 256), '', 'PENDING' FROM parcels
            checkpoints_description_check   | UPDATE checkpoints SET description = repeat('d', 256)
            checkpoints_status_check        | UPDATE checkpoints SET status = 'in_transit'
            outbox_trace_check              | INSERT INTO outbox (event_id, track_number, payload, trace) VALUES (gen_random_uuid(), 'PB000000001', '\\x0a', '')
            """)
    void everyRuleStillRefusesUnderItsOldName(String constraint, String statement) {
        upgrade();

        UnableToExecuteStatementException refused = catchThrowableOfType(UnableToExecuteStatementException.class,
                () -> jdbi.useHandle(handle -> handle.execute(statement)));

        assertThat(refused).as("refused").isNotNull();
        PSQLException cause = (PSQLException) refused.getCause();
        assertThat(cause.getSQLState()).isEqualTo(SQLSTATE_CHECK_VIOLATION);
        assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the shortest name and the longest recipient | UPDATE parcels SET name = 'abc', recipient = repeat('r', 255)
            the first and last instants of the range    | UPDATE checkpoints SET checkpoint_time = '2000-01-01 00:00:00+00'; UPDATE parcels SET forecast_date = '9999-12-31 23:59:59+00'
            every status                                | UPDATE parcels SET status = 'CANCELED'; UPDATE checkpoints SET status = 'DELIVERED'
            no trace                                    | INSERT INTO outbox (event_id, track_number, payload) VALUES (gen_random_uuid(), 'PB000000001', '\\x0a')
            """)
    void valuesAtTheEdgesOfEachRuleAreStillAccepted(String what, String statements) {
        upgrade();

        jdbi.useHandle(handle -> handle.createScript(statements).execute());
    }
}
