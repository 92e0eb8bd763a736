package io.parceltrack.grpc.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A small certificate authority made with the JDK alone: a self-signed CA certificate and the
 * certificates it issues to the apps (P-256 keys, ECDSA with SHA-256, X.509 v3). The JDK can read
 * and verify certificates but has no public API to write them, so {@link Der} encodes them here.
 * Meant for local runs and tests; a cluster uses cert-manager or its own CA the same way.
 */
public final class CertificateAuthority {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** Certificates are valid from a little before they were made, so a peer's clock a bit behind still accepts them. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();
    private final KeyPair keys;
    private final byte[] name;
    private final byte[] keyIdentifier;
    private final X509Certificate certificate;

    private CertificateAuthority(String commonName, Duration validity) {
        keys = newKeyPair();
        name = distinguishedName(commonName);
        keyIdentifier = keyIdentifier(keys.getPublic());
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                // keyCertSign and cRLSign: bits 5 and 6, so the last bit of the byte is padding.
                extension(KEY_USAGE, true, Der.bitString(new byte[] {0x06}, 1)),
                extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier)));
        certificate = sign(name, keys.getPublic(), validity, extensions);
    }

    /** A new CA with a fresh key, its certificate valid for {@code validity} from now. */
    public static CertificateAuthority create(String commonName, Duration validity) {
        return new CertificateAuthority(commonName, validity);
    }

    /** The CA's own certificate: what every app trusts. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's key pair: whoever holds the private key can issue certificates every app trusts. */
    public KeyPair keys() {
        return keys;
    }

    /**
     * A certificate for {@code commonName} (an app's name, which servers check against who may call
     * what) that serves and calls over TLS, valid for every name in {@code dnsNames} and address in
     * {@code addresses}.
     */
    public Issued issue(String commonName, List<String> dnsNames, List<InetAddress> addresses, Duration validity) {
        Objects.requireNonNull(commonName, "commonName");
        KeyPair appKeys = newKeyPair();
        List<byte[]> alternativeNames = new ArrayList<>();
        dnsNames.forEach(dns -> alternativeNames.add(Der.implicitPrimitive(2, dns.getBytes(StandardCharsets.US_ASCII))));
        addresses.forEach(address -> alternativeNames.add(Der.implicitPrimitive(7, address.getAddress())));
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                // digitalSignature only: bit 0, the other seven bits are padding.
                extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0x80}, 7)),
                extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))),
                extension(SUBJECT_ALT_NAME, false, Der.sequence(alternativeNames.toArray(byte[][]::new))),
                extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier(appKeys.getPublic()))),
                extension(AUTHORITY_KEY_IDENTIFIER, false, Der.sequence(Der.implicitPrimitive(0, keyIdentifier))));
        return new Issued(sign(distinguishedName(commonName), appKeys.getPublic(), validity, extensions), appKeys);
    }

    /** An issued certificate and the key pair it certifies. */
    public record Issued(X509Certificate certificate, KeyPair keys) {}

    private X509Certificate sign(byte[] subject, PublicKey subjectKey, Duration validity, byte[] extensions) {
        ZonedDateTime now = ZonedDateTime.now();
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] toBeSigned = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.valueOf(2))),
                Der.integer(new BigInteger(127, random).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(now.minus(CLOCK_SKEW)), Der.time(now.plus(validity))),
                subject,
                subjectKey.getEncoded(),
                Der.explicit(3, extensions));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), random);
            signer.update(toBeSigned);
            byte[] encoded = Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign(), 0));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static byte[] distinguishedName(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] keyIdentifier(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Arrays.copyOf(digest, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a P-256 key", e);
        }
    }
}
