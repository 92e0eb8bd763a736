package io.parceltrack.apps.config;

/**
 * The {@code parceltrack.metrics} settings.
 *
 * @param bearerToken what a scrape of {@code /metrics} must present as {@code Authorization: Bearer};
 *     empty: the endpoint is open (for ports only the cluster reaches)
 */
public record MetricsSettings(String bearerToken) {
    private static final String P = EnvironmentOverrides.ROOT + ".metrics.";
    private static final int SHORTEST_TOKEN = 16;

    static MetricsSettings read(SettingsReader reader) {
        String token = reader.string(P + "bearer-token");
        if (!token.isEmpty() && (token.length() < SHORTEST_TOKEN || !token.chars().allMatch(c -> c > ' ' && c < 127))) {
            reader.problem(P + "bearer-token", "must be empty or 16+ printable ASCII characters without spaces");
        }
        return new MetricsSettings(token);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "MetricsSettings[bearerToken=" + (bearerToken.isEmpty() ? "" : "****") + "]";
    }
}
