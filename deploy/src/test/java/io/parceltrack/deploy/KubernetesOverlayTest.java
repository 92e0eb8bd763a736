package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overlay under deploy/k8s/overlays changes only what an overlay should (image, settings,
 * secrets, replicas), and does it in terms the base and the apps understand.
 */
class KubernetesOverlayTest {
    private static RealApps apps;
    private static KubernetesBase base;

    @BeforeAll
    static void read() {
        apps = new RealApps();
        base = DeploymentManifests.kubernetesBase();
    }

    /** The overlays by directory name, e.g. {@code example}. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> directories = Files.list(DeployFiles.kustomizeOverlays())) {
            return directories.filter(directory -> Files.isRegularFile(directory.resolve("kustomization.yaml")))
                    .map(directory -> directory.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void buildsOnTheBase(String overlayName) {
        Path overlay = DeployFiles.kustomizeOverlays().resolve(overlayName);
        List<Path> resources = kustomization(overlay).get("resources").scalars().stream()
                .map(resource -> overlay.resolve(resource).normalize()).toList();

        assertThat(resources).contains(DeployFiles.kustomizeBase().normalize());
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void retagsTheOneAppImageOfTheBase(String overlayName) {
        Path overlay = DeployFiles.kustomizeOverlays().resolve(overlayName);
        Set<String> baseImageNames = DeploymentManifests.kubernetesAppContainers(base, new ArrayList<>()).stream()
                .map(container -> container.image().replaceFirst(":[^:/]*$", ""))
                .collect(Collectors.toSet());

        for (YamlNode image : kustomization(overlay).get("images").items()) {
            assertThat(baseImageNames).as(image.where() + " name").contains(image.get("name").scalar().orElse(""));
            assertThat(image.get("newTag").text()).as(image.where() + " newTag (a string)").isPresent();
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void mergesOnlyNonSecretSettingsIntoTheBasesConfigMaps(String overlayName) {
        Path overlay = DeployFiles.kustomizeOverlays().resolve(overlayName);
        List<String> problems = new ArrayList<>();
        for (YamlNode generator : kustomization(overlay).get("configMapGenerator").items()) {
            String name = generator.get("name").scalar().orElse("");
            if (base.find("ConfigMap", name).isEmpty() || !generator.get("behavior").scalar().orElse("").equals("merge")) {
                problems.add(generator.where() + " must merge into a ConfigMap of the base (behavior: merge), not make " + name);
            }
            for (String literal : generator.get("literals").scalars()) {
                String key = literal.substring(0, Math.max(literal.indexOf('='), 0));
                if (!apps.isSetting(key) || apps.isSecret(key)) {
                    problems.add(generator.where() + " sets " + key + ", which is no non-secret setting of reference.conf");
                }
            }
        }
        Problems.assertNone(problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void replacesTheBasesSecretsKeyForKeyFromFilesKeptOutOfGit(String overlayName) {
        Path overlay = DeployFiles.kustomizeOverlays().resolve(overlayName);
        List<String> problems = new ArrayList<>();
        List<String> ignored = YamlFiles.read(DeployFiles.module().resolve(".gitignore")).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (YamlNode generator : kustomization(overlay).get("secretGenerator").items()) {
            String name = generator.get("name").scalar().orElse("");
            Map<String, String> baseKeys = base.data("Secret", name).orElse(Map.of());
            if (baseKeys.isEmpty() || !generator.get("behavior").scalar().orElse("").equals("replace")) {
                problems.add(generator.where() + " must replace a Secret of the base (behavior: replace), not make " + name);
            }
            if (generator.get("literals").isPresent()) {
                problems.add(generator.where() + " writes secret literals into the overlay; read them from an ignored file");
            }
            for (String envFile : generator.get("envs").scalars()) {
                Path example = overlay.resolve(envFile + ".example");
                String relative = DeployFiles.module().relativize(overlay.resolve(envFile)).toString();
                if (!Files.isRegularFile(example)) {
                    problems.add(generator.where() + " reads " + envFile + " but there is no " + envFile + ".example to make it from");
                } else if (!DotEnvFile.read(example).values().keySet().equals(baseKeys.keySet())) {
                    problems.add(example + " has keys " + DotEnvFile.read(example).values().keySet() + ", the base Secret "
                            + name + " " + baseKeys.keySet());
                }
                if (ignored.stream().noneMatch(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern)
                        .matches(Path.of(relative)))) {
                    problems.add("deploy/.gitignore does not keep " + relative + " (real secrets) out of git");
                }
            }
        }
        Problems.assertNone(problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void scalesOnlyAppsOfTheBaseAndNeverTheBots(String overlayName) {
        Path overlay = DeployFiles.kustomizeOverlays().resolve(overlayName);
        for (YamlNode replicas : kustomization(overlay).get("replicas").items()) {
            String name = replicas.get("name").scalar().orElse("");
            assertThat(base.find("Deployment", name).or(() -> base.find("StatefulSet", name)))
                    .as(replicas.where() + " names a Deployment or StatefulSet of the base").isPresent();
            if (apps.pollsTelegram(name)) {
                assertThat(replicas.get("count").integer()).as(replicas.where() + " (one poller per bot token)").hasValue(1);
            }
        }
    }

    private static YamlNode kustomization(Path overlay) {
        return YamlFiles.document(overlay.resolve("kustomization.yaml"));
    }
}
