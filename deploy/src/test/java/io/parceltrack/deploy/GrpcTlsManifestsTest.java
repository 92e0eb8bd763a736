package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every app that serves or calls gRPC in deploy/k8s/base runs with mutual TLS: it mounts its own
 * certificate Secret, read-only and readable by its group only, and its TLS settings name files of
 * that mount; and nothing probes a gRPC port, which admits only the cluster's apps.
 */
class GrpcTlsManifestsTest {
    private static final List<String> GRPC_APPS = List.of("account-service", "parcels-manager-service",
            "parcels-user-service", "user-bot", "manager-bot");
    private static final Map<String, String> SETTING_TO_KEY = Map.of(
            "PARCELTRACK_GRPC_TLS_CERTIFICATE", "tls.crt",
            "PARCELTRACK_GRPC_TLS_PRIVATE_KEY", "tls.key",
            "PARCELTRACK_GRPC_TLS_TRUSTED_CA", "ca.crt");

    /** Where compose expects the output of {@code ./parceltrack certs deploy/compose/certs}. */
    static final Path COMPOSE_CERTS = DeployFiles.module().resolve("compose").resolve("certs").normalize();

    private final KubernetesBase base = DeploymentManifests.kubernetesBase();

    @Test
    void eachGrpcAppInComposeMountsTheGeneratedCertificatesReadOnlyAndUsesItsOwn() {
        ComposeProject compose = DeploymentManifests.compose(
                DeploymentManifests.operatorEnvironment(DeploymentManifests.composeEnvExample()));
        List<String> problems = new ArrayList<>();
        for (String app : GRPC_APPS) {
            YamlNode service = compose.service(app);
            boolean readOnly = service.get("volumes").scalars().stream().anyMatch(volume -> volume.equals("./certs:/certs:ro"));
            if (!readOnly || !Path.of("/certs").equals(compose.mountedFiles(app).entrySet().stream()
                    .filter(mount -> mount.getValue().equals(COMPOSE_CERTS)).map(mount -> Path.of(mount.getKey()))
                    .findFirst().orElse(null))) {
                problems.add(app + " does not mount " + COMPOSE_CERTS + " read-only on /certs");
            }
            Map<String, String> environment = EnvValue.values(compose.environment(app));
            Map<String, String> expected = Map.of(
                    "PARCELTRACK_GRPC_TLS_CERTIFICATE", "/certs/" + app + ".crt",
                    "PARCELTRACK_GRPC_TLS_PRIVATE_KEY", "/certs/" + app + ".key",
                    "PARCELTRACK_GRPC_TLS_TRUSTED_CA", "/certs/ca.crt");
            expected.forEach((setting, file) -> {
                if (!file.equals(environment.get(setting))) {
                    problems.add(app + " " + setting + "=" + environment.get(setting) + ", not " + file);
                }
            });
            if (environment.containsKey("PARCELTRACK_GRPC_TLS_ENABLED")) {
                problems.add(app + " sets PARCELTRACK_GRPC_TLS_ENABLED: mutual TLS is the default and stays on");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void eachGrpcAppMountsItsOwnCertificateSecretWhereItsSettingsPoint() {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                List<String> args = container.get("args").scalars();
                if (args.size() != 1 || !GRPC_APPS.contains(args.get(0))) {
                    continue;
                }
                String app = args.get(0);
                checked.add(app);
                String secretName = app + "-grpc-tls";
                Optional<YamlNode> volume = workload.podSpec().get("volumes").items().stream()
                        .filter(v -> v.at("secret", "secretName").scalar().equals(Optional.of(secretName))).findFirst();
                if (volume.isEmpty()) {
                    problems.add(workload.where() + " mounts no volume of the Secret " + secretName);
                    continue;
                }
                if (!volume.get().at("secret", "defaultMode").integer().equals(Optional.of(0440))
                        || !workload.podSpec().at("securityContext", "fsGroup").integer().isPresent()) {
                    problems.add(workload.where() + " must mount " + secretName + " with defaultMode 0440 and an fsGroup");
                }
                String volumeName = volume.get().get("name").scalar().orElse("");
                Optional<YamlNode> mount = container.get("volumeMounts").items().stream()
                        .filter(m -> m.get("name").scalar().equals(Optional.of(volumeName))).findFirst();
                if (mount.isEmpty() || !mount.get().get("readOnly").scalar().equals(Optional.of("true"))) {
                    problems.add(container.where() + " does not mount " + volumeName + " read-only");
                    continue;
                }
                Path mountPath = Path.of(mount.get().get("mountPath").scalar().orElse("/"));
                Map<String, String> secret = base.data("Secret", secretName).orElse(Map.of());
                Map<String, String> environment = EnvValue.values(base.environment(container, container.where(), new ArrayList<>()));
                if ("false".equalsIgnoreCase(environment.getOrDefault("PARCELTRACK_GRPC_TLS_ENABLED", "true"))) {
                    problems.add(container.where() + " turns mutual TLS off");
                }
                SETTING_TO_KEY.forEach((setting, key) -> {
                    if (!secret.containsKey(key)) {
                        problems.add("Secret " + secretName + " has no key " + key);
                    }
                    if (!Path.of(environment.getOrDefault(setting, "")).equals(mountPath.resolve(key))) {
                        problems.add(container.where() + " " + setting + "=" + environment.get(setting) + " is not "
                                + mountPath.resolve(key));
                    }
                });
            }
        }
        Problems.assertNone(problems);
        assertThat(checked).containsExactlyInAnyOrderElementsOf(GRPC_APPS);
    }

    @Test
    void noProbeAsksAGrpcPortBecauseTheKubeletHasNoClientCertificate() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (container.at(probe, "grpc").isPresent()) {
                        problems.add(container.where() + " " + probe + " is a gRPC probe");
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }
}
