package io.parceltrack.apps;

import io.parceltrack.grpc.tls.ClusterCertificates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code certs DIR}: a new cluster CA and one certificate per app in DIR, for mutual TLS on the gRPC
 * links of a local run, compose, or a test. Made with the JDK alone; Kubernetes uses cert-manager
 * (docs/DEPLOYMENT.md).
 */
public final class CertsCommand {
    static final String COMMAND = "certs";
    /** Long enough for a trial installation, short enough that a copied key does not last for ever. */
    static final Duration VALIDITY = Duration.ofDays(825);

    /**
     * The six apps, each with the host names others dial it by besides its own name: parcels-manager
     * is reached through the parcels-manager-grpc Service in Kubernetes.
     */
    public static final List<ClusterCertificates.App> APPS = List.of(
            new ClusterCertificates.App("account-service", List.of()),
            new ClusterCertificates.App("parcels-manager-service", List.of("parcels-manager-grpc")),
            new ClusterCertificates.App("parcels-user-service", List.of()),
            new ClusterCertificates.App("notification-service", List.of()),
            new ClusterCertificates.App("user-bot", List.of()),
            new ClusterCertificates.App("manager-bot", List.of()));

    private CertsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].isBlank() || args[1].startsWith("-")) {
            err.println("usage: ./parceltrack certs DIR   (writes ca.crt, ca.key and <app>.crt, <app>.key for each app)");
            return ParcelTrack.USAGE;
        }
        Path dir = Path.of(args[1]);
        try {
            write(dir);
        } catch (FileAlreadyExistsException e) {
            err.println("certs: " + e.getMessage());
            return ParcelTrack.FAILED;
        } catch (IOException e) {
            err.println("certs: cannot write to " + dir + ": " + e.getMessage());
            return ParcelTrack.FAILED;
        }
        out.println("wrote a new cluster CA and certificates for " + APPS.size() + " apps to " + dir.toAbsolutePath() + ":");
        out.println("  " + ClusterCertificates.CA_CERTIFICATE + "  the CA every app trusts (PARCELTRACK_GRPC_TLS_TRUSTED_CA)");
        out.println("  " + ClusterCertificates.CA_KEY + "  the CA's private key: no app needs it, keep it away from them");
        out.println("  <app>.crt, <app>.key  each app's certificate and key (PARCELTRACK_GRPC_TLS_CERTIFICATE,"
                + " PARCELTRACK_GRPC_TLS_PRIVATE_KEY), valid " + VALIDITY.toDays() + " days");
        return ParcelTrack.OK;
    }

    /** What the command writes; tests make their certificates with it too. */
    public static void write(Path dir) throws IOException {
        ClusterCertificates.write(dir, APPS, VALIDITY);
    }
}
