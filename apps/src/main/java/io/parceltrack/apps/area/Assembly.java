package io.parceltrack.apps.area;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.metrics.AppMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.rest.ReadinessCheck;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the areas of one app build on while it is assembled: its name, settings and clock, the
 * lifecycle its components join, its meters, and the readiness checks its HTTP server will answer with.
 */
public final class Assembly {
    private final String app;
    private final AppSettings settings;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final Map<String, ReadinessCheck> readiness = new LinkedHashMap<>();
    private final AppMetrics metrics;

    public Assembly(String app, AppSettings settings, Clock clock) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
        this.lifecycle = new Lifecycle(app);
        this.metrics = new AppMetrics(app);
        // Joins first, so it closes last: every component may still count on its way down.
        lifecycle.add(Component.of("metrics", () -> {}, metrics::close));
        SpanExportWiring.export(this);
    }

    public String app() {
        return app;
    }

    public AppSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public AppMetrics metrics() {
        return metrics;
    }

    /** Adds a component to the lifecycle: started in order, stopped in reverse. */
    public <T extends Component> T add(T component) {
        return lifecycle.add(component);
    }

    /** The app is ready only while {@code check} passes. */
    public void readyWhen(String name, ReadinessCheck check) {
        readiness.put(name, check);
    }

    public Map<String, ReadinessCheck> readiness() {
        return Map.copyOf(readiness);
    }
}
