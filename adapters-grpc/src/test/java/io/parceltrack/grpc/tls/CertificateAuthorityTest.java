package io.parceltrack.grpc.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK reads back and validates what our DER encoder writes. */
class CertificateAuthorityTest {
    private static final CertificateAuthority CA = CertificateAuthority.create("ParcelTrack test CA", Duration.ofDays(30));

    @Test
    void encodesObjectIdentifiersAndLongLengthsAsDerDoes() {
        assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.10045.4.3.2"))).isEqualTo("06082a8648ce3d040302");
        assertThat(HexFormat.of().formatHex(Der.oid("2.5.29.17"))).isEqualTo("0603551d11");
        byte[] long300 = Der.octetString(new byte[300]);
        assertThat(HexFormat.of().formatHex(long300, 0, 4)).isEqualTo("0482012c");
        assertThat(long300).hasSize(304);
    }

    @Test
    void anIssuedCertificateValidatesAgainstItsCaAndNamesTheApp() throws Exception {
        CertificateAuthority.Issued bot = CA.issue("manager-bot", List.of("manager-bot", "localhost"),
                List.of(InetAddress.getByName("127.0.0.1")), Duration.ofDays(7));
        X509Certificate certificate = reparse(bot.certificate());

        certificate.verify(CA.certificate().getPublicKey());
        CA.certificate().verify(CA.certificate().getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=manager-bot");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(CA.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(CA.certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "manager-bot"), List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(6)),
                Instant.now().plus(Duration.ofDays(8)));
        certificate.checkValidity();

        PKIXParameters trust = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
        trust.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), trust);
    }

    @Test
    void aCertificateOfAnotherCaDoesNotValidate() throws Exception {
        CertificateAuthority other = CertificateAuthority.create("ParcelTrack test CA", Duration.ofDays(30));
        X509Certificate foreign = other.issue("manager-bot", List.of("manager-bot"), List.of(), Duration.ofDays(7)).certificate();

        PKIXParameters trust = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
        trust.setRevocationEnabled(false);
        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(List.of(foreign)), trust))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void pemFilesReadBackAsTheSameCertificateAndAWorkingKeyOnlyTheOwnerMayRead(@TempDir Path dir) throws Exception {
        CertificateAuthority.Issued issued = CA.issue("user-bot", List.of("user-bot"), List.of(), Duration.ofDays(1));
        Path certFile = dir.resolve("user-bot.crt");
        Path keyFile = dir.resolve("user-bot.key");
        Pem.writeCertificate(certFile, issued.certificate());
        Pem.writePrivateKey(keyFile, issued.keys().getPrivate());

        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certFile));
        assertThat(read).isEqualTo(issued.certificate());
        String keyPem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(read.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThatThrownBy(() -> Pem.writePrivateKey(keyFile, issued.keys().getPrivate()))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    private static X509Certificate reparse(X509Certificate certificate) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
    }
}
