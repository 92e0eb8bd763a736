package io.parceltrack.rest;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: every dependency passed its
 * readiness check within the timeout; otherwise 503 naming each check's state, so an orchestrator
 * stops routing traffic here until the dependencies are back. Checks run in parallel on threads
 * of their own, so a hanging dependency cannot hang the probe.
 */
final class HealthEndpoints {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoints.class);

    private final Map<String, ReadinessCheck> checks;
    private final Duration timeout;
    private final ApiJson json;
    private final ProblemTranslator problems;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });

    HealthEndpoints(Map<String, ReadinessCheck> checks, Duration timeout, ApiJson json, ProblemTranslator problems) {
        this.checks = Map.copyOf(checks);
        this.timeout = timeout;
        this.json = json;
        this.problems = problems;
    }

    void live(Context ctx) {
        ctx.contentType(JsonRequestBody.MEDIA_TYPE).result(json.write(Map.of("status", UP)));
    }

    void ready(Context ctx) {
        Map<String, String> states = runChecks();
        if (states.values().stream().allMatch(UP::equals)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", UP);
            body.put("checks", states);
            ctx.contentType(JsonRequestBody.MEDIA_TYPE).result(json.write(body));
            return;
        }
        List<String> failed = states.entrySet().stream().filter(e -> !UP.equals(e.getValue())).map(Map.Entry::getKey).toList();
        Problem problem = Problem.of(ProblemType.UNAVAILABLE, "not ready: " + String.join(", ", failed) + " failed",
                ctx.path(), List.of(), Map.of("checks", states));
        problems.write(ctx, problem, Map.of());
    }

    void close() {
        runner.shutdownNow();
    }

    private Map<String, String> runChecks() {
        Map<String, Future<Boolean>> running = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> running.put(name, runner.submit(() -> checks.get(name).isReady())));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> states = new LinkedHashMap<>();
        running.forEach((name, future) -> states.put(name, await(name, future, deadline)));
        return states;
    }

    private static String await(String name, Future<Boolean> future, long deadline) {
        try {
            boolean ready = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return ready ? UP : DOWN;
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("readiness check {} timed out", name);
            return DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DOWN;
        } catch (Exception e) {
            LOG.warn("readiness check {} failed", name, e);
            return DOWN;
        }
    }
}
