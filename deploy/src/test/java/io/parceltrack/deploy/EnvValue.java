package io.parceltrack.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One environment variable of a container: the value the process would see, and where the
 * manifest takes it from ({@code origin} says it in the manifest's words, for messages).
 */
record EnvValue(String value, Source source, String origin) {

    enum Source {
        /** Written into the manifest itself. */
        LITERAL,
        /** A compose ${VARIABLE} substitution, filled from the .env file. */
        SUBSTITUTED,
        /** A Kubernetes ConfigMap key. */
        CONFIG_MAP,
        /** A Kubernetes Secret key. */
        SECRET,
        /** A Kubernetes field of the pod itself (downward API). */
        POD_FIELD
    }

    /** The values a process sees, by variable. */
    static Map<String, String> values(Map<String, EnvValue> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, env) -> values.put(name, env.value()));
        return values;
    }

    /** Stands in for a variable the manifest does not set. */
    static EnvValue missing() {
        return new EnvValue("", Source.LITERAL, "(not set)");
    }
}
