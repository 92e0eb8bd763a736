package io.parceltrack.bench.rest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real app, {@code java -jar parceltrack.jar standalone}, as a child process on free ports with
 * a demo manager holding {@link #API_TOKEN}: in-memory data, the in-process event bus, the built-in
 * Telegram emulator, JSON logs (the access log included) written to a file. Its own JVM, so the
 * load generator's allocation and JIT do not mix with the server's. The rate limit is raised out of
 * the way: the harness measures the server, not the limiter's refusals.
 */
final class StandaloneProcess implements AutoCloseable {
    static final String API_TOKEN = "bench-token-0123456789abcdef";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI baseUrl;

    private StandaloneProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static StandaloneProcess start(Path jar, List<String> jvmOptions, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing; build it with ./mvnw -q -B -pl apps -am package -DskipTests");
        }
        int httpPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(command(jar, jvmOptions));
        builder.environment().putAll(Map.of(
                "PARCELTRACK_DEMO_API_TOKEN", API_TOKEN,
                "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                "PARCELTRACK_HTTP_PORT", Integer.toString(httpPort),
                "PARCELTRACK_HTTP_RATE_LIMIT_PER_SECOND", "100000",
                "PARCELTRACK_HTTP_RATE_LIMIT_BURST", "1000000",
                "PARCELTRACK_GRPC_ACCOUNT_PORT", Integer.toString(freePort()),
                "PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", Integer.toString(freePort()),
                "PARCELTRACK_GRPC_PARCELS_USER_PORT", Integer.toString(freePort()),
                "PARCELTRACK_TELEGRAM_EMULATOR_PORT", Integer.toString(freePort()),
                "PARCELTRACK_HEALTH_PORT", Integer.toString(freePort())));
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        StandaloneProcess started = new StandaloneProcess(builder.start(), URI.create("http://127.0.0.1:" + httpPort));
        try {
            started.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /**
     * CPU time the server process has used so far, all threads, user and system: per request, it
     * is the measure that the load generator's share of the two cores does not distort.
     */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"))
                .toNanos();
    }

    private static List<String> command(Path jar, List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "standalone"));
        return command;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("standalone exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("standalone was not ready within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, a graceful stop; killed if it takes longer than half a minute or we are interrupted. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
