package io.parceltrack.apps.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code parceltrack.tracing} settings: whether and where spans are exported over OTLP.
 *
 * @param otlpEndpoint the collector's OTLP/HTTP base URL; empty: nothing is exported
 * @param otlpHeaders sent with every export (e.g. {@code authorization}); secrets, never printed
 * @param samplerRatio the share of traces exported, decided by trace id
 * @param maxQueueSize ended spans held for export at most; more are dropped
 */
public record TracingSettings(String otlpEndpoint, String otlpProtocol, Map<String, String> otlpHeaders,
        Duration otlpTimeout, double samplerRatio, int maxQueueSize, int maxExportBatchSize, Duration scheduleDelay) {
    public static final String HTTP_PROTOBUF = "http/protobuf";
    private static final String P = EnvironmentOverrides.ROOT + ".tracing.";
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

    public TracingSettings {
        otlpHeaders = Map.copyOf(otlpHeaders);
    }

    /** Whether spans are exported at all. */
    public boolean exporting() {
        return !otlpEndpoint.isBlank();
    }

    /** Where spans are posted: the endpoint's {@code /v1/traces}. */
    public String tracesUrl() {
        return otlpEndpoint.replaceAll("/+$", "") + "/v1/traces";
    }

    static TracingSettings read(SettingsReader reader) {
        String endpoint = reader.string(P + "otlp-endpoint").strip();
        if (!endpoint.isEmpty() && !isHttpUrl(endpoint)) {
            reader.problem(P + "otlp-endpoint", "must be empty or an http:// or https:// URL without credentials, such as http://otel-collector:4318");
        }
        String protocol = reader.string(P + "otlp-protocol");
        if (!protocol.equals(HTTP_PROTOBUF)) {
            reader.problem(P + "otlp-protocol", "must be " + HTTP_PROTOBUF + " (the transport built in), got '" + protocol + "'");
        }
        int queue = reader.intInRange(P + "max-queue-size", 1, 1_000_000);
        int batch = reader.intInRange(P + "max-export-batch-size", 1, 100_000);
        if (batch > queue) {
            reader.problem(P + "max-export-batch-size", "must not exceed max-queue-size (" + queue + ")");
        }
        return new TracingSettings(endpoint, protocol, headers(reader, P + "otlp-headers"),
                reader.positiveDuration(P + "otlp-timeout"), ratio(reader, P + "sampler-ratio"), queue,
                Math.min(batch, queue), reader.positiveDuration(P + "schedule-delay"));
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code key=value,key2=value2}; a value may contain {@code =}. The problem never quotes a value. */
    private static Map<String, String> headers(SettingsReader reader, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        String text = reader.string(path).strip();
        if (text.isEmpty()) {
            return headers;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!HEADER_NAME.matcher(name).matches() || value.isEmpty()
                    || !value.chars().allMatch(c -> c >= ' ' && c < 127)) {
                reader.problem(path, "must be name=value pairs separated by commas (printable ASCII values);"
                        + " entry " + (headers.size() + 1) + " is not");
                return Map.of();
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static double ratio(SettingsReader reader, String path) {
        String text = reader.string(path);
        try {
            double ratio = Double.parseDouble(text);
            if (ratio >= 0.0 && ratio <= 1.0) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(path, "must be a number from 0.0 to 1.0, got '" + text + "'");
        return 1.0;
    }

    /** Never prints the headers' values: they hold credentials. */
    @Override
    public String toString() {
        return "TracingSettings[otlpEndpoint=" + otlpEndpoint + ", otlpProtocol=" + otlpProtocol + ", otlpHeaders="
                + otlpHeaders.keySet() + "=****, otlpTimeout=" + otlpTimeout + ", samplerRatio=" + samplerRatio
                + ", maxQueueSize=" + maxQueueSize + ", maxExportBatchSize=" + maxExportBatchSize
                + ", scheduleDelay=" + scheduleDelay + "]";
    }
}
