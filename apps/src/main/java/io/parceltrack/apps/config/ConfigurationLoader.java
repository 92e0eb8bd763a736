package io.parceltrack.apps.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.util.List;
import java.util.Map;

/**
 * Loads the settings: {@code reference.conf} defaults, then an optional {@code application.conf}
 * (or {@code -Dconfig.file=...}), then system properties, then {@code PARCELTRACK_*} environment
 * variables, which win.
 */
public final class ConfigurationLoader {
    private ConfigurationLoader() {}

    public static Config load(Map<String, String> environment) {
        try {
            ConfigFactory.invalidateCaches();
            Config layered = ConfigFactory.defaultOverrides()
                    .withFallback(ConfigFactory.defaultApplication(ConfigParseOptions.defaults()))
                    .withFallback(ConfigFactory.defaultReference())
                    .resolve(ConfigResolveOptions.defaults());
            return EnvironmentOverrides.apply(layered, environment);
        } catch (ConfigException e) {
            throw new InvalidConfigurationException(List.of(e.getMessage()));
        }
    }
}
