package io.parceltrack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migration scripts a role ships, read from the classpath, so that tests expect
 * exactly what is there instead of a count that every new migration would have to update.
 */
final class MigrationScripts {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.+\\.sql");

    private MigrationScripts() {}

    /** The versions of {@code role}'s schema migrations, lowest first, as Flyway writes them ("4.1"). */
    static List<String> versions(DatabaseRole role) {
        URL folder = MigrationScripts.class.getClassLoader().getResource(role.migrationsLocation());
        if (folder == null) {
            throw new IllegalStateException("no migrations at " + role.migrationsLocation());
        }
        // Failsafe tests read the module's packaged jar, Surefire tests its classes folder.
        try (FileSystem jar = folder.getProtocol().equals("jar")
                        ? FileSystems.newFileSystem(URI.create(folder.toString().substring(0, folder.toString().indexOf('!'))), Map.of())
                        : null;
                Stream<Path> files = Files.list(jar == null ? Path.of(folder.toURI()) : jar.getPath(role.migrationsLocation()))) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> match.group(1).replace('_', '.'))
                    .sorted(Comparator.comparing(MigrationScripts::numbers, MigrationScripts::compare))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The highest version: the schema version once every migration ran. */
    static String latest(DatabaseRole role) {
        List<String> versions = versions(role);
        return versions.get(versions.size() - 1);
    }

    private static int[] numbers(String version) {
        return Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compare(int[] left, int[] right) {
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(i < left.length ? left[i] : 0, i < right.length ? right[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
