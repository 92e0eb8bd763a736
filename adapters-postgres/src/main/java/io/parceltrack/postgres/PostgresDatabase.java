package io.parceltrack.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL database of ParcelTrack, reached through a connection pool: run its migrations,
 * then take the stores of its role. Open one per database the app uses and close it on shutdown.
 *
 * <pre>{@code
 * try (PostgresDatabase db = PostgresDatabase.open(settings)) {
 *     db.migrate(DatabaseRole.PARCELS, false);
 *     ParcelStores stores = db.parcelStores(payloads);
 *     ...
 * }
 * }</pre>
 *
 * Opening does not connect: a database that is down makes calls fail with
 * {@link io.parceltrack.port.out.UnavailableException} until it is back, so an app can start first.
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final Duration LONGEST_VALIDATION = Duration.ofSeconds(5);

    private final HikariDataSource dataSource;
    private final PostgresSettings settings;
    private final TranslatedJdbi jdbi;
    private final OutboxSignal outboxSignal;

    private PostgresDatabase(HikariDataSource dataSource, PostgresSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        Jdbi configured = Jdbi.create(dataSource);
        // Exception messages carry neither SQL nor bound values (a user's e-mail, a token hash).
        configured.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
        this.jdbi = new TranslatedJdbi(configured);
        this.outboxSignal = new OutboxSignal(jdbi, settings);
    }

    public static PostgresDatabase open(PostgresSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(settings.applicationName());
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.user());
        if (settings.password() != null && !settings.password().isEmpty()) {
            pool.setPassword(settings.password());
        }
        pool.setMaximumPoolSize(settings.maxPoolSize());
        pool.setConnectionTimeout(settings.connectionTimeout().toMillis());
        pool.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), LONGEST_VALIDATION.toMillis()));
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("ApplicationName", settings.applicationName());
        // Keeps values (a user's data) out of the driver's error messages.
        pool.addDataSourceProperty("logServerErrorDetail", "false");
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        // Set at connection start-up, so a connection never runs a statement without them.
        pool.addDataSourceProperty("options", settings.sessionOptions());
        return new PostgresDatabase(new HikariDataSource(pool), settings);
    }

    /**
     * Brings the schema of {@code role} up to date, and adds the demo data if asked (accounts and
     * parcels have some). Safe to run on every start and from several processes at once.
     *
     * @throws io.parceltrack.port.out.UnavailableException if the database cannot be reached
     * @throws org.flywaydb.core.api.FlywayException if a migration fails or the history does not match
     */
    public MigrationReport migrate(DatabaseRole role, boolean withDemoData) {
        // Not through the pool: a migration (an index on a big table) may rightly run longer than the
        // statement timeout meant for the app's own queries.
        return Migrations.apply(migrationDataSource(settings), settings, role, withDemoData);
    }

    private static DataSource migrationDataSource(PostgresSettings settings) {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl(settings.jdbcUrl());
        unpooled.setUser(settings.user());
        if (settings.password() != null && !settings.password().isEmpty()) {
            unpooled.setPassword(settings.password());
        }
        unpooled.setApplicationName(settings.applicationName() + " migrations");
        unpooled.setLogServerErrorDetail(false);
        unpooled.setConnectTimeout((int) Math.max(1, settings.connectionTimeout().toSeconds()));
        return unpooled;
    }

    /** For tests that run SQL of their own through the pool. */
    TranslatedJdbi jdbi() {
        return jdbi;
    }

    public AccountStores accountStores() {
        return new AccountStores(new PostgresUserStore(jdbi), new PostgresManagerStore(jdbi));
    }

    /** The parcels database's stores; its outbox keeps events in {@code payloads}' encoding. */
    public ParcelStores parcelStores(OutboxPayloadFormat payloads) {
        return parcelStores(payloads, UnitOfWorkSteps.NONE);
    }

    /** As {@link #parcelStores(OutboxPayloadFormat)}, telling {@code steps} where each unit of work stands. */
    ParcelStores parcelStores(OutboxPayloadFormat payloads, UnitOfWorkSteps steps) {
        PostgresOutbox outbox = new PostgresOutbox(jdbi, payloads, outboxSignal);
        return new ParcelStores(
                new PostgresParcelStore(jdbi, outbox),
                new PostgresCheckpointRecorder(jdbi, outbox, outboxSignal, steps),
                new PostgresSubscriptionStore(jdbi),
                outbox,
                new PostgresProcessedMessageStore(jdbi, PostgresProcessedMessageStore.Table.PARCELS),
                new PostgresIdempotencyStore(jdbi, steps));
    }

    /** The webhook stores, in the parcels database. */
    public WebhookStores webhookStores() {
        return new WebhookStores(new PostgresWebhookEndpointStore(jdbi), new PostgresWebhookSchedule(jdbi),
                new PostgresDeliveryAttemptLog(jdbi));
    }

    public BotStores botStores() {
        return new BotStores(
                new PostgresConversationStore(jdbi),
                new PostgresBlockedChatStore(jdbi),
                new PostgresProcessedMessageStore(jdbi, PostgresProcessedMessageStore.Table.BOTS));
    }

    /** Whether a pooled connection answers within a few seconds: the readiness of apps using this database. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) LONGEST_VALIDATION.toSeconds());
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool; the stores fail afterwards. */
    @Override
    public void close() {
        outboxSignal.close();
        dataSource.close();
    }
}
