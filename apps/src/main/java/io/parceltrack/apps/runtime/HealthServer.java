package io.parceltrack.apps.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code GET /health/live} and {@code GET /health/ready} for the apps that serve no HTTP of their
 * own, so that Kubernetes probes look the same for every app. Ready means every named check passes.
 */
public final class HealthServer implements Component {
    private final int requestedPort;
    private final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
    private HttpServer server;

    public HealthServer(int port) {
        this.requestedPort = port;
    }

    public HealthServer readyWhen(String name, BooleanSupplier check) {
        readiness.put(name, check);
        return this;
    }

    @Override
    public String name() {
        return "health endpoint";
    }

    @Override
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(requestedPort), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "health-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health/live", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", this::ready);
        server.start();
    }

    private void ready(HttpExchange exchange) throws IOException {
        Map<String, Boolean> results = new LinkedHashMap<>();
        readiness.forEach((name, check) -> results.put(name, safely(check)));
        boolean up = results.values().stream().allMatch(Boolean::booleanValue);
        String checks = results.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + (e.getValue() ? "UP" : "DOWN") + "\"")
                .collect(Collectors.joining(","));
        answer(exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":{" + checks + "}}");
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (!"GET".equals(exchange.getRequestMethod())) {
            status = 405;
            body = new byte[0];
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(1);
        }
    }
}
