package io.parceltrack.apps.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The settings that guard the fleet (docs/SECURITY.md), read in one place: how the Kafka clients log
 * in and check the brokers, how many bad API tokens one client address may present, how long a
 * database statement or lock wait may take, and whether a demo token may meet a real database.
 *
 * @param kafka {@code parceltrack.kafka.security.*}
 * @param failedAuthentication {@code parceltrack.http.failed-auth-*} and {@code parceltrack.http.trusted-proxies}
 * @param accountsTimeouts {@code parceltrack.db.accounts.statement-timeout} / {@code lock-timeout}
 * @param parcelsTimeouts the same for the parcels database
 * @param botsTimeouts the same for the bots database
 * @param demoWithExternalDatabase {@code parceltrack.demo.allow-with-external-database}
 */
public record SecuritySettings(
        KafkaLogin kafka,
        FailedAuthentication failedAuthentication,
        QueryTimeouts accountsTimeouts,
        QueryTimeouts parcelsTimeouts,
        QueryTimeouts botsTimeouts,
        boolean demoWithExternalDatabase) {

    private static final String P = EnvironmentOverrides.ROOT + ".";
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");
    private static final Set<String> STORE_TYPES = Set.of("PEM", "PKCS12", "JKS");

    /** How every Kafka client of the app logs in and which broker certificates it trusts. */
    public record KafkaLogin(String protocol, String saslMechanism, String username, String password,
            String truststorePath, String truststoreType, String truststorePassword) {
        public boolean sasl() {
            return protocol.startsWith("SASL_");
        }

        @Override
        public String toString() {
            return "KafkaLogin[protocol=" + protocol + ", saslMechanism=" + saslMechanism + ", username=" + username
                    + ", password=" + (password.isEmpty() ? "" : "****") + ", truststorePath=" + truststorePath
                    + ", truststoreType=" + truststoreType + ", truststorePassword="
                    + (truststorePassword.isEmpty() ? "" : "****") + "]";
        }
    }

    public record FailedAuthentication(int perMinute, int trackedAddresses, int trustedProxies) {}

    /** A database pool's server-side limits; zero: none. */
    public record QueryTimeouts(Duration statement, Duration lock) {}

    static SecuritySettings read(SettingsReader reader) {
        return new SecuritySettings(
                kafka(reader),
                new FailedAuthentication(
                        reader.intInRange(P + "http.failed-auth-limit-per-minute", 1, 1_000_000),
                        reader.intInRange(P + "http.failed-auth-tracked-addresses", 1, 10_000_000),
                        reader.intInRange(P + "http.trusted-proxies", 0, 10)),
                timeouts(reader, "accounts"),
                timeouts(reader, "parcels"),
                timeouts(reader, "bots"),
                reader.bool(P + "demo.allow-with-external-database"));
    }

    private static KafkaLogin kafka(SettingsReader reader) {
        String prefix = P + "kafka.security.";
        KafkaLogin login = new KafkaLogin(
                upper(reader, prefix + "protocol", PROTOCOLS),
                upper(reader, prefix + "sasl-mechanism", MECHANISMS),
                reader.string(prefix + "username"),
                reader.string(prefix + "password"),
                reader.string(prefix + "truststore-path"),
                upper(reader, prefix + "truststore-type", STORE_TYPES),
                reader.string(prefix + "truststore-password"));
        if (login.sasl() && (login.username().isBlank() || login.password().isEmpty())) {
            reader.problem(prefix + "username", "and " + prefix + "password must be set with protocol " + login.protocol());
        }
        quotable(reader, prefix + "username", login.username());
        quotable(reader, prefix + "password", login.password());
        return login;
    }

    /** The credentials are quoted inside the clients' JAAS configuration: no quote or backslash may end it early. */
    private static void quotable(SettingsReader reader, String path, String value) {
        if (value.contains("\"") || value.contains("\\")) {
            reader.problem(path, "must not contain \" or \\");
        }
    }

    private static QueryTimeouts timeouts(SettingsReader reader, String role) {
        String prefix = P + "db." + role + ".";
        return new QueryTimeouts(limit(reader, prefix + "statement-timeout"), limit(reader, prefix + "lock-timeout"));
    }

    /** A duration of 0 (no limit) up to a day. */
    private static Duration limit(SettingsReader reader, String path) {
        String text = reader.string(path).strip();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Duration value = reader.positiveDuration(path);
        if (value.compareTo(Duration.ofDays(1)) > 0 || (!value.isZero() && value.toMillis() == 0)) {
            reader.problem(path, "must be 0 (no limit) or between 1ms and 24h");
        }
        return value;
    }

    private static String upper(SettingsReader reader, String path, Set<String> allowed) {
        String value = reader.string(path).strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            reader.problem(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", got '" + value + "'");
        }
        return value;
    }
}
