package io.parceltrack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment files are. Maven runs the tests in the module's directory; an IDE may run them from the repository root. */
final class DeployFiles {
    private DeployFiles() {}

    static Path module() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {here, here.resolve("deploy")}) {
            if (Files.isRegularFile(candidate.resolve("docker/Dockerfile"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the deploy module from " + here);
    }

    static Path repository() {
        return module().getParent();
    }

    static Path dockerfile() {
        return module().resolve("docker/Dockerfile");
    }

    static Path composeFile() {
        return module().resolve("compose/compose.yaml");
    }

    static Path composeEnvExample() {
        return module().resolve("compose/.env.example");
    }

    /** The override that runs the fleet against the Telegram emulator, and the env file made for it. */
    static Path composeEmulatorOverride() {
        return module().resolve("compose/compose.emulator.yaml");
    }

    static Path composeEmulatorEnv() {
        return module().resolve("compose/emulator.env");
    }

    static Path kustomizeBase() {
        return module().resolve("k8s/base");
    }

    /** Optional kustomize components an overlay may add, e.g. the Prometheus Operator's PodMonitors. */
    static Path kustomizeComponent(String name) {
        return module().resolve("k8s/components").resolve(name);
    }

    static Path kustomizeOverlays() {
        return module().resolve("k8s/overlays");
    }

    /** A path as the repository shows it, for messages. */
    static String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = repository().toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
