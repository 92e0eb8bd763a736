package io.parceltrack.apps.e2e;

import io.parceltrack.apps.CertsCommand;
import io.parceltrack.grpc.tls.ClusterCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Mutual TLS for the apps the end-to-end tests start, as in production: one cluster CA and a
 * certificate per app, made once per test run by the code behind {@code ./parceltrack certs}, and
 * handed to each app through the same variables a deployment sets.
 */
final class ClusterTls {
    private static Path directory;

    private ClusterTls() {}

    /** The directory with {@code ca.crt} and each app's certificate and key. */
    static synchronized Path directory() {
        if (directory == null) {
            try {
                Path dir = Files.createTempDirectory("parceltrack-certs");
                CertsCommand.write(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete test certificates"));
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the test certificates", e);
            }
        }
        return directory;
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Gives {@code command}, if it is one of the apps, its certificate, unless the test chose the transport itself. */
    static void addTo(String command, Map<String, String> environment) {
        boolean isApp = CertsCommand.APPS.stream().anyMatch(app -> app.name().equals(command));
        if (!isApp || environment.containsKey("PARCELTRACK_GRPC_TLS_ENABLED")) {
            return;
        }
        Path dir = directory();
        environment.put("PARCELTRACK_GRPC_TLS_CERTIFICATE", ClusterCertificates.certificate(dir, command).toString());
        environment.put("PARCELTRACK_GRPC_TLS_PRIVATE_KEY", ClusterCertificates.privateKey(dir, command).toString());
        environment.put("PARCELTRACK_GRPC_TLS_TRUSTED_CA", dir.resolve(ClusterCertificates.CA_CERTIFICATE).toString());
    }
}
