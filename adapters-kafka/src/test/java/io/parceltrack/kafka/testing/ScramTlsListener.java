package io.parceltrack.kafka.testing;

import io.parceltrack.kafka.KafkaSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A second listener of the test broker, {@code SASL_SSL://127.0.0.1:<port>}: TLS with a self-signed
 * certificate made by the JDK's {@code keytool} for {@code 127.0.0.1}/{@code localhost}, and SCRAM-SHA-512
 * logins for users whose credentials are written into the log directory when it is formatted
 * ({@code kafka-storage format --add-scram}), as a production cluster's first users would be.
 *
 * <p>Clients trust the certificate through {@link #truststore()}, a PEM file. The broker's own
 * listener ({@code PLAINTEXT}, used between the broker and its controller and by the harness's admin
 * client) stays as it was: in production it would be a separate, closed network.
 *
 * @param users SCRAM users and their passwords
 * @param authorizer whether the broker enforces ACLs ({@code StandardAuthorizer}); the users named
 *     {@link #SUPER_USER} may do anything, everyone else only what an ACL allows
 */
public record ScramTlsListener(Map<String, String> users, boolean authorizer, Path directory) {
    public static final String LISTENER = "SASL_SSL";
    /** The user the harness makes a super user when ACLs are enforced. */
    public static final String SUPER_USER = "admin";

    public ScramTlsListener {
        users = Map.copyOf(users);
    }

    /**
     * A listener for {@code users}, its key and certificate made in a fresh temporary directory.
     *
     * @param authorizer see {@link ScramTlsListener}
     */
    public static ScramTlsListener create(Map<String, String> users, boolean authorizer) {
        try {
            Path directory = Files.createTempDirectory("parceltrack-kafka-tls-");
            Map<String, String> all = new LinkedHashMap<>(users);
            all.putIfAbsent(SUPER_USER, "admin-" + UUID.randomUUID());
            ScramTlsListener listener = new ScramTlsListener(all, authorizer, directory);
            listener.makeCertificate();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's certificate as PEM: what a client trusts. */
    public Path truststore() {
        return directory.resolve("broker-cert.pem");
    }

    Path keystore() {
        return directory.resolve("broker.p12");
    }

    String keystorePassword() {
        return "test-keystore-" + directory.getFileName();
    }

    /** SASL_SSL with SCRAM-SHA-512 as {@code user}, trusting the broker's certificate. */
    public KafkaSecurity clientSecurity(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such SCRAM user: " + user);
        }
        return KafkaSecurity.saslSsl(user, password, truststore().toString(), "PEM", "");
    }

    /** The broker properties of this listener, added to the plain ones. */
    Map<String, String> serverProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sasl.enabled.mechanisms", KafkaSecurity.SCRAM_SHA_512);
        props.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", KafkaSecurity.SCRAM_SHA_512);
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("listener.name.sasl_ssl.ssl.keystore.location", keystore().toString());
        props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        props.put("listener.name.sasl_ssl.ssl.keystore.password", keystorePassword());
        props.put("listener.name.sasl_ssl.ssl.key.password", keystorePassword());
        if (authorizer) {
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The broker and controller talk over PLAINTEXT as ANONYMOUS: they must stay super users.
            props.put("super.users", "User:ANONYMOUS;User:" + SUPER_USER);
            props.put("allow.everyone.if.no.acl.found", "false");
        }
        return props;
    }

    /** The {@code --add-scram} arguments of {@code kafka-storage format}. */
    List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        users.forEach((user, password) -> {
            arguments.add("--add-scram");
            arguments.add(KafkaSecurity.SCRAM_SHA_512 + "=[name=" + user + ",password=" + password + "]");
        });
        return arguments;
    }

    private void makeCertificate() throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore().toString(), "-storetype", "PKCS12",
                "-storepass", keystorePassword(), "-keypass", keystorePassword());
        run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore().toString(),
                "-storetype", "PKCS12", "-storepass", keystorePassword(), "-file", truststore().toString());
    }

    private void run(String... command) throws IOException {
        Path output = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
