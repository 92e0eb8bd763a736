package io.parceltrack.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How our clients prove who they are to the brokers and how they check the brokers: the same for
 * every producer, consumer and admin client of an app, so that none of them can be left plaintext
 * by accident. {@link Protocol#PLAINTEXT} (the default, for a local broker) sends nothing;
 * {@link Protocol#SASL_SSL} encrypts with TLS, checks the broker's certificate against
 * {@code truststorePath} (or the JDK's trusted authorities when empty) and logs in with SCRAM.
 *
 * <p>The password and the truststore password never appear in {@link #toString()}, and they reach
 * the client only inside its JAAS configuration, which Kafka itself logs as {@code [hidden]}.
 *
 * @param protocol the {@code security.protocol} of every client
 * @param saslMechanism {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256} (used with the SASL protocols)
 * @param username the SCRAM user (used with the SASL protocols)
 * @param password the SCRAM password
 * @param truststorePath where the certificate(s) to trust as brokers are (TLS protocols); empty: the JDK's
 * @param truststoreType {@code PEM}, {@code PKCS12} or {@code JKS}
 * @param truststorePassword the password of a PKCS12/JKS truststore; empty for PEM
 */
public record KafkaSecurity(Protocol protocol, String saslMechanism, String username, String password,
        String truststorePath, String truststoreType, String truststorePassword) {

    /** The client protocols Kafka knows. */
    public enum Protocol {
        PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

        boolean sasl() {
            return this == SASL_PLAINTEXT || this == SASL_SSL;
        }

        boolean tls() {
            return this == SSL || this == SASL_SSL;
        }
    }

    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";
    private static final Set<String> MECHANISMS = Set.of(SCRAM_SHA_512, "SCRAM-SHA-256");
    private static final Set<String> STORE_TYPES = Set.of("PEM", "PKCS12", "JKS");

    public KafkaSecurity {
        Objects.requireNonNull(protocol, "protocol");
        saslMechanism = Objects.requireNonNull(saslMechanism, "saslMechanism").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(truststorePath, "truststorePath");
        truststoreType = Objects.requireNonNull(truststoreType, "truststoreType").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        if (protocol.sasl()) {
            if (!MECHANISMS.contains(saslMechanism)) {
                throw new IllegalArgumentException("saslMechanism must be one of " + MECHANISMS + ", got " + saslMechanism);
            }
            if (username.isBlank() || password.isEmpty()) {
                throw new IllegalArgumentException(protocol + " needs a username and a password");
            }
            if (username.contains("\"") || password.contains("\"") || username.contains("\\") || password.contains("\\")) {
                // They are quoted inside the JAAS configuration; a quote or backslash would break out of it.
                throw new IllegalArgumentException("the SASL username and password must not contain \" or \\");
            }
        }
        if (protocol.tls() && !truststorePath.isBlank() && !STORE_TYPES.contains(truststoreType)) {
            throw new IllegalArgumentException("truststoreType must be one of " + STORE_TYPES + ", got " + truststoreType);
        }
    }

    /** No authentication, no encryption: a broker on this machine or in a closed test network. */
    public static KafkaSecurity plaintext() {
        return new KafkaSecurity(Protocol.PLAINTEXT, SCRAM_SHA_512, "", "", "", "PEM", "");
    }

    /** TLS to the broker, checked against the given truststore, and a SCRAM-SHA-512 login. */
    public static KafkaSecurity saslSsl(String username, String password, String truststorePath, String truststoreType,
            String truststorePassword) {
        return new KafkaSecurity(Protocol.SASL_SSL, SCRAM_SHA_512, username, password, truststorePath, truststoreType,
                truststorePassword);
    }

    /** The same, logged in as someone else (for tests of refused logins). */
    public KafkaSecurity withCredentials(String otherUsername, String otherPassword) {
        return new KafkaSecurity(protocol, saslMechanism, otherUsername, otherPassword, truststorePath, truststoreType,
                truststorePassword);
    }

    /** The properties every client of ours gets, whatever its role. */
    Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
        if (protocol.sasl()) {
            props.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + username + "\" password=\"" + password + "\";");
        }
        if (protocol.tls()) {
            // Checks that the broker's certificate names the host we dialled (Kafka's default, said out loud).
            props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "https");
            if (!truststorePath.isBlank()) {
                props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststorePath);
                props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
                if (!truststorePassword.isEmpty()) {
                    props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
                }
            }
        }
        return props;
    }

    @Override
    public String toString() {
        return "KafkaSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "****") + ", truststorePath=" + truststorePath
                + ", truststoreType=" + truststoreType + ", truststorePassword="
                + (truststorePassword.isEmpty() ? "" : "****") + "]";
    }
}
