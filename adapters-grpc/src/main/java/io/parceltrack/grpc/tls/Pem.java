package io.parceltrack.grpc.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Writes certificates and PKCS#8 private keys as PEM files, the form gRPC's TLS reads. */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as {@code BEGIN PRIVATE KEY} (PKCS#8, which is what the JDK encodes private keys as). */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("expected a PKCS#8 key, got " + key.getFormat());
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** Writes a certificate; refuses to replace an existing file. */
    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, certificate(certificate), StandardOpenOption.CREATE_NEW);
    }

    /** Writes a private key readable by its owner only (where the file system has POSIX permissions); refuses to replace an existing file. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, privateKey(key), StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, privateKey(key), StandardOpenOption.CREATE_NEW);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
