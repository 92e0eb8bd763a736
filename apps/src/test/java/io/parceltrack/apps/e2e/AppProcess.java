package io.parceltrack.apps.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command of the jar running as an OS process of its own, its plain-text log in a file. A
 * shutdown hook kills it should the test JVM end first, so that no run leaves a process behind.
 */
final class AppProcess {
    private static final Logger LOG = LoggerFactory.getLogger(AppProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String command;
    private final Process process;
    private final URI readiness;
    private final Path log;
    private final long startedNanos = System.nanoTime();
    private final Thread killAtExit;
    private long terminatedNanos;

    AppProcess(String command, Process process, URI readiness, Path log) {
        this.command = command;
        this.process = process;
        this.readiness = readiness;
        this.log = log;
        this.killAtExit = new Thread(process::destroyForcibly, "kill " + command);
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    String command() {
        return command;
    }

    /** {@code GET /metrics} of this process: on the same server as its readiness probe. */
    URI metrics() {
        return readiness.resolve("/metrics");
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the readiness URL answers 200; fails at once if the process exits meanwhile, or
     * after {@code timeout}, with the end of its log.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(command + " exited with " + process.exitValue() + " before it was ready; "
                        + describeLog());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    LOG.info("{} ready after {} ms", command, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                lastAnswer = notListeningYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + command, e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(command + " was not ready within " + timeout + " (" + readiness + ": "
                        + lastAnswer + "); " + describeLog());
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Asks the process to stop, as an orchestrator does: SIGTERM, nothing more. */
    void terminate() {
        terminatedNanos = System.nanoTime();
        process.destroy();
    }

    /** The exit code if the process has ended within {@code bound}, else empty (it is still running). */
    OptionalInt awaitExit(Duration bound) {
        try {
            if (process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                forgetKillAtExit();
                LOG.info("{} exited with {} {} ms after SIGTERM", command, process.exitValue(),
                        Duration.ofNanos(System.nanoTime() - terminatedNanos).toMillis());
                return OptionalInt.of(process.exitValue());
            }
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** The last resort: SIGKILL, and wait until it is gone. */
    void kill() {
        if (process.isAlive()) {
            LOG.warn("killing {}", command);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        forgetKillAtExit();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether a line of the log matches {@code wanted} within {@code timeout} (lines may come a little late). */
    boolean awaitLogLine(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!logText().lines().anyMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(200));
        }
        return true;
    }

    /** Where the log is and its last lines, for failure messages. */
    String describeLog() {
        List<String> lines = logText().lines().toList();
        return "log " + log + " ends with:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private void forgetKillAtExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to undo
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
