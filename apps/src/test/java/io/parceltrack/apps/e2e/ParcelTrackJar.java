package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The executable jar under test, {@code apps/target/parceltrack.jar}, and how to run its commands
 * as OS processes of their own: {@code java -jar parceltrack.jar <command>} with the settings given
 * as {@code PARCELTRACK_*} environment variables, exactly as a deployment runs them.
 */
final class ParcelTrackJar {
    /** Set by Failsafe (apps/pom.xml) to the jar the shade plugin built in {@code package}. */
    private static final String JAR_PROPERTY = "parceltrack.jar";
    /**
     * Small heaps and the quick JIT tier only: several of these JVMs start at once on a small
     * machine, and the tests measure nothing that needs the optimising compiler.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path jar;

    private ParcelTrackJar(Path jar) {
        this.jar = jar;
    }

    /** The jar {@code mvn package} built; these tests run after it (Failsafe, {@code *IT}). */
    static ParcelTrackJar built() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/parceltrack.jar")).toAbsolutePath();
        assertThat(jar).as("the executable jar (run ./mvnw -pl apps -am verify, which packages it first)")
                .isRegularFile();
        return new ParcelTrackJar(jar);
    }

    /**
     * An empty directory under {@code target/e2e-logs} for the logs of one test class's processes;
     * it stays after the run, for diagnosis.
     */
    Path logDirectory(String name) {
        Path directory = jar.getParent().resolve("e2e-logs").resolve(name);
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    old.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory))
                            .forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code command} with {@code settings} as its environment, its output (stdout and
     * stderr) going to {@code log}. {@code readiness} is the URL that answers 200 once it is ready.
     */
    AppProcess start(String command, Map<String, String> settings, URI readiness, Path log) {
        ProcessBuilder builder = processFor(command, settings)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        try {
            return new AppProcess(command, builder.start(), readiness, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Runs a command that is expected to end by itself within {@code timeout}; kills it if it does not. */
    CommandResult run(String command, Map<String, String> settings, Duration timeout, Path directory) {
        Path stdout = directory.resolve(command + ".out.log");
        Path stderr = directory.resolve(command + ".err.log");
        ProcessBuilder builder = processFor(command, settings)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        try {
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new CommandResult(ended, ended ? process.exitValue() : -1,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private ProcessBuilder processFor(String command, Map<String, String> settings) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(JVM_OPTIONS);
        line.add("-jar");
        line.add(jar.toString());
        // "standalone --data-dir DIR": a command with its options, none of them holding a space.
        line.addAll(List.of(command.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(line).directory(jar.getParent().toFile());
        // Only what the test sets: nothing from the developer's own PARCELTRACK_* variables, and no
        // HOSTNAME, which would otherwise become every process's Kafka instance id.
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PARCELTRACK_") || name.equals("HOSTNAME"));
        environment.putAll(settings);
        ClusterTls.addTo(command, environment);
        return builder;
    }

    /** How a command that ran to its end ended, and what it printed. */
    record CommandResult(boolean ended, int exitCode, String stdout, String stderr) {}
}
