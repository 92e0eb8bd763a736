package io.parceltrack.apps.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets an environment variable override any setting: {@code parceltrack.grpc.parcels-manager.port}
 * is overridden by {@code PARCELTRACK_GRPC_PARCELS_MANAGER_PORT}. The names are derived from the
 * settings themselves, so a new setting is overridable without anyone remembering to make it so.
 */
public final class EnvironmentOverrides {
    public static final String ROOT = "parceltrack";

    private EnvironmentOverrides() {}

    /** The environment variable that overrides a setting path such as {@code parceltrack.http.port}. */
    public static String variableFor(String path) {
        return path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every setting under {@code parceltrack} with the variable that overrides it, sorted by variable. */
    public static Map<String, String> variables(Config config) {
        Map<String, String> byVariable = new TreeMap<>();
        config.getConfig(ROOT).entrySet().forEach(entry -> {
            String path = ROOT + "." + entry.getKey();
            String previous = byVariable.put(variableFor(path), path);
            if (previous != null) {
                throw new IllegalStateException(
                        "settings " + previous + " and " + path + " would share the variable " + variableFor(path));
            }
        });
        return byVariable;
    }

    /** {@code config} with every setting whose variable is present in {@code environment} replaced. */
    public static Config apply(Config config, Map<String, String> environment) {
        Config result = config;
        for (Map.Entry<String, String> variable : variables(config).entrySet()) {
            String value = environment.get(variable.getKey());
            if (value != null) {
                result = result.withValue(variable.getValue(),
                        ConfigValueFactory.fromAnyRef(value, "environment variable " + variable.getKey()));
            }
        }
        return result;
    }
}
