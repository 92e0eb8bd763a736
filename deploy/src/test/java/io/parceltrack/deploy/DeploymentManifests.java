package io.parceltrack.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the manifests the way the tests look at them, and picks out the containers of the app image. */
final class DeploymentManifests {
    /** Images of the infrastructure around the apps; every other image in a manifest must be the app image. */
    private static final List<String> INFRASTRUCTURE_IMAGES =
            List.of("postgres:", "apache/kafka:", "docker.elastic.co/", "prom/prometheus:", "grafana/grafana:");

    private DeploymentManifests() {}

    static boolean isInfrastructure(String image) {
        return INFRASTRUCTURE_IMAGES.stream().anyMatch(image::startsWith);
    }

    static DotEnvFile composeEnvExample() {
        return DotEnvFile.read(DeployFiles.composeEnvExample());
    }

    /**
     * The .env an operator makes from .env.example: its values, with the secrets it leaves blank
     * filled in (a token of Telegram's shape, a password).
     */
    static Map<String, String> operatorEnvironment(DotEnvFile example) {
        Map<String, String> environment = new LinkedHashMap<>(example.values());
        environment.replaceAll((name, value) -> !value.isEmpty() ? value
                : name.endsWith("_TOKEN") ? "123456789:AAH" + "x".repeat(32) : "operator-chosen-" + name.toLowerCase());
        return environment;
    }

    static ComposeProject compose(Map<String, String> environment) {
        return ComposeProject.load(DeployFiles.composeFile(), environment);
    }

    /** Every service of the compose file that runs the app image (apps and migrations). */
    static List<String> composeAppServices(ComposeProject compose) {
        return compose.services().keySet().stream().filter(service -> !isInfrastructure(compose.image(service))).toList();
    }

    static List<AppContainer> composeAppContainers(ComposeProject compose) {
        return composeAppServices(compose).stream().map(compose::appContainer).toList();
    }

    static KubernetesBase kubernetesBase() {
        return KubernetesBase.load(DeployFiles.kustomizeBase());
    }

    /** Every container of a Deployment or Job (the app image's workloads); references it cannot resolve go to {@code problems}. */
    static List<AppContainer> kubernetesAppContainers(KubernetesBase base, List<String> problems) {
        List<AppContainer> containers = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                if (!isInfrastructure(container.get("image").scalar().orElse(""))) {
                    containers.add(base.appContainer(workload, container, problems));
                }
            }
        }
        return containers;
    }
}
