package io.parceltrack.deploy;

import java.util.List;
import java.util.Map;

/**
 * A container that runs the ParcelTrack image, whichever manifest describes it: what it runs, the
 * environment it gets, the ports it declares and how it is probed. Compose services and Kubernetes
 * workloads are read into this one shape so that the same rules check both.
 *
 * @param arguments what follows the image's ENTRYPOINT (compose {@code command}, Kubernetes {@code args})
 * @param declaredPorts container ports the manifest names (Kubernetes containerPort, compose published ports)
 */
record AppContainer(String where, String image, List<String> arguments, Map<String, EnvValue> environment,
        List<Integer> declaredPorts, List<Probe> probes) {

    /** The single subcommand, or an empty string when the arguments are not exactly one word. */
    String command() {
        return arguments.size() == 1 ? arguments.get(0) : "";
    }

    /** The environment as the process sees it. */
    Map<String, String> values() {
        return EnvValue.values(environment);
    }
}
