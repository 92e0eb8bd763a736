package io.parceltrack.grpc.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A directory of PEM files for mutual TLS between the apps: {@code ca.crt} (what every app trusts),
 * {@code ca.key} (kept by whoever issues more; no app needs it), and {@code <app>.crt} with
 * {@code <app>.key} for each app. Each app's certificate names the app as its common name (servers
 * check it against who may call what) and is valid for the app's name, its extra host names,
 * {@code localhost} and {@code 127.0.0.1}.
 */
public final class ClusterCertificates {
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";

    /** An app to certify: {@code name} is its identity, {@code hostNames} where others may dial it besides that name. */
    public record App(String name, List<String> hostNames) {
        public App {
            Objects.requireNonNull(name, "name");
            hostNames = List.copyOf(hostNames);
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException("an app name is a DNS label like manager-bot, got '" + name + "'");
            }
        }
    }

    private ClusterCertificates() {}

    public static Path certificate(Path dir, String app) {
        return dir.resolve(app + ".crt");
    }

    public static Path privateKey(Path dir, String app) {
        return dir.resolve(app + ".key");
    }

    /**
     * Creates a new CA and one certificate per app in {@code dir} (created if missing).
     *
     * @throws java.nio.file.FileAlreadyExistsException if any of the files exists: certificates in use are never replaced
     */
    public static CertificateAuthority write(Path dir, List<App> apps, Duration validity) throws IOException {
        Files.createDirectories(dir);
        List<Path> planned = new ArrayList<>(List.of(dir.resolve(CA_CERTIFICATE), dir.resolve(CA_KEY)));
        apps.forEach(app -> planned.addAll(List.of(certificate(dir, app.name()), privateKey(dir, app.name()))));
        for (Path file : planned) {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file + " (remove the directory's certificates to make new ones)");
            }
        }
        CertificateAuthority ca = CertificateAuthority.create("ParcelTrack cluster CA", validity.plus(validity));
        Pem.writeCertificate(dir.resolve(CA_CERTIFICATE), ca.certificate());
        Pem.writePrivateKey(dir.resolve(CA_KEY), ca.keys().getPrivate());
        for (App app : apps) {
            Set<String> names = new LinkedHashSet<>();
            names.add(app.name());
            names.addAll(app.hostNames());
            names.add("localhost");
            CertificateAuthority.Issued issued = ca.issue(app.name(), List.copyOf(names),
                    List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})), validity);
            Pem.writeCertificate(certificate(dir, app.name()), issued.certificate());
            Pem.writePrivateKey(privateKey(dir, app.name()), issued.keys().getPrivate());
        }
        return ca;
    }
}
