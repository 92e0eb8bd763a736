package io.parceltrack.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CertsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesACaAndACertificateNamingEachOfTheSixAppsSignedByIt(@TempDir Path dir) throws Exception {
        assertThat(run("certs", dir.toString())).isEqualTo(ParcelTrack.OK);

        X509Certificate ca = read(dir.resolve("ca.crt"));
        assertThat(dir.resolve("ca.key")).isRegularFile();
        for (String app : List.of("account-service", "parcels-manager-service", "parcels-user-service",
                "notification-service", "user-bot", "manager-bot")) {
            X509Certificate certificate = read(dir.resolve(app + ".crt"));
            certificate.verify(ca.getPublicKey());
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + app);
            assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, app), List.of(2, "localhost"),
                    List.of(7, "127.0.0.1"));
            assertThat(Files.readString(dir.resolve(app + ".key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(read(dir.resolve("parcels-manager-service.crt")).getSubjectAlternativeNames())
                .contains(List.of(2, "parcels-manager-grpc"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PARCELTRACK_GRPC_TLS_TRUSTED_CA");
    }

    @Test
    void neverReplacesCertificatesAlreadyThere(@TempDir Path dir) throws Exception {
        assertThat(run("certs", dir.toString())).isEqualTo(ParcelTrack.OK);
        byte[] before = Files.readAllBytes(dir.resolve("ca.crt"));

        assertThat(run("certs", dir.toString())).isEqualTo(ParcelTrack.FAILED);

        assertThat(Files.readAllBytes(dir.resolve("ca.crt"))).isEqualTo(before);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ca.crt");
    }

    @Test
    void wantsExactlyOneDirectory() {
        assertThat(run("certs")).isEqualTo(ParcelTrack.USAGE);
        assertThat(run("certs", "a", "b")).isEqualTo(ParcelTrack.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./parceltrack certs DIR");
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
