package io.parceltrack.apps.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Every setting of every app, typed and range-checked in one pass over the configuration. Which of
 * them an app really needs (a database URL, a bot token) is the app's own check, made with the same
 * {@link SettingsReader} so that all problems are reported together.
 */
public record AppSettings(
        Http http, int healthPort, Grpc grpc, Databases db, Kafka kafka, Outbox outbox,
        Notifications notifications, Telegram telegram, Demo demo, Logging logging, Standalone standalone,
        TrackingPage trackingPage, WebhookSettings webhooks, SecuritySettings security, MetricsSettings metrics,
        TracingSettings tracing) {

    private static final String P = EnvironmentOverrides.ROOT + ".";

    public record Http(String host, int port, int bodyLimit, double ratePerSecond, int rateBurst,
            Duration idempotencyTtl, String publicUrl, Duration tokenCacheTtl, int tokenCacheSize,
            int idempotencyKeyQuota, int maxConcurrentRequests) {
        /** With the default limit of requests handled at once. */
        public Http(String host, int port, int bodyLimit, double ratePerSecond, int rateBurst,
                Duration idempotencyTtl, String publicUrl, Duration tokenCacheTtl, int tokenCacheSize,
                int idempotencyKeyQuota) {
            this(host, port, bodyLimit, ratePerSecond, rateBurst, idempotencyTtl, publicUrl, tokenCacheTtl,
                    tokenCacheSize, idempotencyKeyQuota, 64);
        }
    }

    /** Where a gRPC service listens, and where its clients find it. */
    public record Endpoint(int port, String address) {}

    /**
     * @param reflection whether servers offer server reflection
     * @param maxMessageBytes the largest message a server or client reads
     */
    public record Grpc(Duration deadline, int readAttempts, Endpoint account, Endpoint parcelsManager, Endpoint parcelsUser,
            GrpcTls tls, boolean reflection, int maxMessageBytes) {}

    /** Mutual TLS of the gRPC links: this app's certificate and key and the cluster CA, PEM files; {@code enabled=false}: plaintext. */
    public record GrpcTls(boolean enabled, String certificate, String privateKey, String trustedCa) {}

    public record Database(String url, String user, String password, int poolSize) {
        /** No URL: the data lives in memory (standalone only). */
        public boolean configured() {
            return !url.isBlank();
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                    + ", poolSize=" + poolSize + "]";
        }
    }

    public record Databases(Database accounts, Database parcels, Database bots, boolean migrateOnStart, boolean demoData) {}

    public record Kafka(String bootstrapServers, String parcelEventsTopic, String deliveriesTopic, int partitions,
            int replicationFactor, String fanOutGroup, String deliveryGroup, String instanceId, String webhookGroup) {
        /** No bootstrap servers: events travel on the in-process bus (standalone only). */
        public boolean configured() {
            return !bootstrapServers.isBlank();
        }
    }

    public record Outbox(Duration pollInterval, Duration maxBackoff, int batchSize, Duration linger) {}

    public record Notifications(int fanOutPageSize, int parallelRecipients) {}

    public record Bot(String token, String username) {
        public boolean configured() {
            return !token.isBlank();
        }

        @Override
        public String toString() {
            return "Bot[token=" + (token.isEmpty() ? "" : "****") + ", username=" + username + "]";
        }
    }

    /**
     * @param showRecipientDetails whether the user bot shows recipients' names and addresses to anyone with the track number
     * @param emulatorPeopleFile where the built-in emulator remembers people across restarts; empty: nowhere
     * @param emulatorHost the interface the {@code telegram-emulator} command listens on
     */
    public record Telegram(String apiUrl, String defaultLanguage, ZoneId timeZone, int ratePerBot, int ratePerChat,
            Bot userBot, Bot managerBot, int emulatorPort, boolean showRecipientDetails, String emulatorPeopleFile,
            String emulatorHost) {}

    public record Demo(String apiToken, long managerTelegramId) {
        @Override
        public String toString() {
            return "Demo[apiToken=" + (apiToken.isEmpty() ? "" : "****") + ", managerTelegramId=" + managerTelegramId + "]";
        }
    }

    public record Logging(String format, String level, String logstashDestination) {}

    /** {@code dataDir}: where standalone keeps its data; empty: in memory. */
    public record Standalone(String dataDir) {}

    /** The same settings on other databases: standalone's data directory replaces them. */
    public AppSettings withDatabases(Databases databases) {
        return new AppSettings(http, healthPort, grpc, databases, kafka, outbox, notifications, telegram, demo, logging,
                standalone, trackingPage, webhooks, security, metrics, tracing);
    }

    /** The public tracking page on the HTTP port of parcels-user-service and standalone. */
    public record TrackingPage(int checkpointsPerPage, int ratePerSecond, int rateBurst, int trackedAddresses,
            int trustedProxies, Duration cacheTtl, int cachedViews) {}

    /** Reads every setting; problems are left in {@code reader} for the caller to {@link SettingsReader#validate()}. */
    public static AppSettings read(SettingsReader reader) {
        int httpPort = reader.port(P + "http.port");
        String publicUrl = reader.string(P + "http.public-url");
        return new AppSettings(
                new Http(
                        reader.string(P + "http.host"),
                        httpPort,
                        (int) Math.min(Integer.MAX_VALUE, reader.bytes(P + "http.body-limit")),
                        reader.intInRange(P + "http.rate-limit-per-second", 1, 100_000),
                        reader.intInRange(P + "http.rate-limit-burst", 1, 1_000_000),
                        reader.positiveDuration(P + "http.idempotency-ttl"),
                        publicUrl.isBlank() ? "http://localhost:" + httpPort : publicUrl,
                        reader.positiveDuration(P + "http.token-cache-ttl"),
                        reader.intInRange(P + "http.token-cache-size", 1, 1_000_000),
                        reader.intInRange(P + "http.idempotency-key-quota", 1, 10_000_000),
                        reader.intInRange(P + "http.max-concurrent-requests", 1, 10_000)),
                reader.port(P + "health.port"),
                new Grpc(
                        reader.positiveDuration(P + "grpc.deadline"),
                        reader.intInRange(P + "grpc.read-attempts", 1, 5),
                        endpoint(reader, "account"),
                        endpoint(reader, "parcels-manager"),
                        endpoint(reader, "parcels-user"),
                        new GrpcTls(
                                reader.bool(P + "grpc.tls.enabled"),
                                reader.string(P + "grpc.tls.certificate"),
                                reader.string(P + "grpc.tls.private-key"),
                                reader.string(P + "grpc.tls.trusted-ca")),
                        reader.bool(P + "grpc.reflection"),
                        grpcMessageSize(reader)),
                new Databases(
                        database(reader, "accounts"),
                        database(reader, "parcels"),
                        database(reader, "bots"),
                        reader.bool(P + "db.migrate-on-start"),
                        reader.bool(P + "db.demo-data")),
                new Kafka(
                        reader.string(P + "kafka.bootstrap-servers"),
                        topic(reader, P + "kafka.parcel-events-topic"),
                        topic(reader, P + "kafka.deliveries-topic"),
                        reader.intInRange(P + "kafka.partitions", 1, 1000),
                        reader.intInRange(P + "kafka.replication-factor", 1, 10),
                        reader.string(P + "kafka.fan-out-group"),
                        reader.string(P + "kafka.delivery-group"),
                        reader.string(P + "kafka.instance-id"),
                        reader.string(P + "kafka.webhook-group")),
                new Outbox(
                        reader.positiveDuration(P + "outbox.poll-interval"),
                        reader.positiveDuration(P + "outbox.max-backoff"),
                        reader.intInRange(P + "outbox.batch-size", 1, 10_000),
                        reader.durationUpTo(P + "outbox.linger", Duration.ofSeconds(1))),
                new Notifications(
                        reader.intInRange(P + "notifications.fan-out-page-size", 1, 10_000),
                        reader.intInRange(P + "notifications.parallel-recipients", 1, 1_000)),
                new Telegram(
                        reader.string(P + "telegram.api-url"),
                        oneOf(reader, P + "telegram.default-language", Set.of("en", "ru")),
                        reader.zone(P + "telegram.time-zone"),
                        reader.intInRange(P + "telegram.rate-per-bot", 1, 1_000),
                        reader.intInRange(P + "telegram.rate-per-chat", 1, 100),
                        new Bot(reader.string(P + "telegram.user-bot.token"), reader.string(P + "telegram.user-bot.username")),
                        new Bot(reader.string(P + "telegram.manager-bot.token"), reader.string(P + "telegram.manager-bot.username")),
                        reader.port(P + "telegram.emulator.port"),
                        reader.bool(P + "telegram.user-bot.show-recipient-details"),
                        reader.string(P + "telegram.emulator.people-file"),
                        reader.string(P + "telegram.emulator.host")),
                new Demo(
                        reader.string(P + "demo.api-token"),
                        reader.intInRange(P + "demo.manager-telegram-id", 1, Integer.MAX_VALUE)),
                new Logging(
                        oneOf(reader, P + "logging.format", Set.of("auto", "json", "plain")),
                        oneOf(reader, P + "logging.level", Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR")),
                        reader.string(P + "logging.logstash-destination")),
                new Standalone(reader.string(P + "standalone.data-dir")),
                new TrackingPage(
                        reader.intInRange(P + "tracking-page.checkpoints-per-page", 1, 100),
                        reader.intInRange(P + "tracking-page.rate-limit-per-second", 1, 100_000),
                        reader.intInRange(P + "tracking-page.rate-limit-burst", 1, 1_000_000),
                        reader.intInRange(P + "tracking-page.tracked-addresses", 1, 10_000_000),
                        reader.intInRange(P + "tracking-page.trusted-proxies", 0, 10),
                        reader.positiveDuration(P + "tracking-page.cache-ttl"),
                        reader.intInRange(P + "tracking-page.cached-views", 0, 10_000_000)),
                WebhookSettings.read(reader),
                SecuritySettings.read(reader),
                MetricsSettings.read(reader),
                TracingSettings.read(reader));
    }

    private static int grpcMessageSize(SettingsReader reader) {
        String path = P + "grpc.max-message-size";
        long bytes = reader.bytes(path);
        if (bytes < 1024 || bytes > 64L * 1024 * 1024) {
            reader.problem(path, "must be between 1KiB and 64MiB, got " + bytes + " bytes");
            return 1024 * 1024;
        }
        return (int) bytes;
    }

    private static Endpoint endpoint(SettingsReader reader, String service) {
        return new Endpoint(reader.port(P + "grpc." + service + ".port"), reader.string(P + "grpc." + service + ".address"));
    }

    private static Database database(SettingsReader reader, String role) {
        String prefix = P + "db." + role + ".";
        String url = reader.string(prefix + "url");
        if (!url.isBlank() && !url.startsWith("jdbc:postgresql://")) {
            reader.problem(prefix + "url", "must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/name");
        }
        return new Database(url, reader.string(prefix + "user"), reader.string(prefix + "password"),
                reader.intInRange(prefix + "pool-size", 2, 200));
    }

    private static String topic(SettingsReader reader, String path) {
        String name = reader.string(path);
        if (!name.matches("[A-Za-z0-9._-]{1,249}")) {
            reader.problem(path, "must be a Kafka topic name (letters, digits, . _ -), got '" + name + "'");
        }
        return name;
    }

    private static String oneOf(SettingsReader reader, String path, Set<String> allowed) {
        String value = reader.string(path);
        String normalised = allowed.contains(value.toUpperCase(Locale.ROOT)) ? value.toUpperCase(Locale.ROOT)
                : value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalised)) {
            reader.problem(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", got '" + value + "'");
        }
        return normalised;
    }
}
