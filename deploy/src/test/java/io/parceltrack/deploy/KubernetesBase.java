package io.parceltrack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kustomize base as kustomize would assemble it, without the kustomize binary: the documents
 * of every listed resource file plus the ConfigMaps and Secrets its generators make (from env files,
 * literals and files). Name hashing, namespaces and labels are left to kustomize; references keep
 * the names written here, which is what kustomize rewrites them from.
 */
final class KubernetesBase {

    private final Path directory;
    private final YamlNode kustomization;
    private final List<KubernetesObject> objects = new ArrayList<>();
    private final List<String> missingFiles = new ArrayList<>();

    private KubernetesBase(Path directory) {
        this.directory = directory;
        this.kustomization = YamlFiles.document(directory.resolve("kustomization.yaml"));
        for (String resource : resourceFiles()) {
            Path file = directory.resolve(resource);
            if (!Files.isRegularFile(file)) {
                missingFiles.add(kustomization.where() + " lists " + resource + ", which does not exist");
                continue;
            }
            for (YamlNode document : YamlFiles.documents(file)) {
                objects.add(new KubernetesObject(document.get("kind").scalar().orElse("?"),
                        document.at("metadata", "name").scalar().orElse("?"), document));
            }
        }
        generate("configMapGenerator", "ConfigMap");
        generate("secretGenerator", "Secret");
    }

    static KubernetesBase load(Path directory) {
        return new KubernetesBase(directory);
    }

    Path directory() {
        return directory;
    }

    YamlNode kustomization() {
        return kustomization;
    }

    List<String> resourceFiles() {
        return kustomization.get("resources").scalars();
    }

    /** Files the kustomization names (resources, generator inputs) that are not there. */
    List<String> missingFiles() {
        return missingFiles;
    }

    List<KubernetesObject> objects() {
        return objects;
    }

    List<KubernetesObject> ofKind(String kind) {
        return objects.stream().filter(object -> object.kind().equals(kind)).toList();
    }

    Optional<KubernetesObject> find(String kind, String name) {
        return objects.stream().filter(object -> object.kind().equals(kind) && object.name().equals(name)).findFirst();
    }

    List<KubernetesObject> workloads() {
        return objects.stream().filter(KubernetesObject::isWorkload).toList();
    }

    /** The workloads whose pods a label selector (a Service's map, or matchLabels/matchExpressions) selects. */
    List<KubernetesObject> workloadsMatching(YamlNode selector) {
        if (!selector.isPresent() || selector.entries().isEmpty()) {
            return List.of();
        }
        boolean structured = selector.get("matchLabels").isPresent() || selector.get("matchExpressions").isPresent();
        Map<String, YamlNode> labels = structured ? selector.get("matchLabels").entries() : selector.entries();
        List<YamlNode> expressions = selector.get("matchExpressions").items();
        return workloads().stream().filter(workload -> {
            Map<String, YamlNode> pod = workload.podLabels();
            boolean labelsMatch = labels.entrySet().stream().allMatch(pair -> pod.containsKey(pair.getKey())
                    && pod.get(pair.getKey()).scalar().equals(pair.getValue().scalar()));
            boolean expressionsMatch = expressions.stream().allMatch(expression -> {
                String key = expression.get("key").scalar().orElse("");
                if (!expression.get("operator").scalar().orElse("").equals("In")) {
                    throw new AssertionError(expression.where() + ": only the In operator is understood here");
                }
                return pod.containsKey(key) && expression.get("values").scalars().contains(pod.get(key).scalar().orElse(""));
            });
            return labelsMatch && expressionsMatch;
        }).toList();
    }

    /** The data of a ConfigMap or Secret (a generated Secret keeps its values as written, not base64). */
    Optional<Map<String, String>> data(String kind, String name) {
        return find(kind, name).map(object -> {
            Map<String, String> data = new LinkedHashMap<>();
            object.body().get("data").entries().forEach((key, value) -> data.put(key, value.scalar().orElse("")));
            object.body().get("stringData").entries().forEach((key, value) -> data.put(key, value.scalar().orElse("")));
            return data;
        });
    }

    /**
     * A container's environment as the pod would get it: envFrom first, then env entries, each with
     * where it comes from. A reference to a ConfigMap, Secret or key that does not exist is reported
     * in {@code problems} and left out.
     */
    Map<String, EnvValue> environment(YamlNode container, String where, List<String> problems) {
        Map<String, EnvValue> environment = new LinkedHashMap<>();
        for (YamlNode source : container.get("envFrom").items()) {
            for (String kind : List.of("ConfigMap", "Secret")) {
                YamlNode ref = source.get(kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                if (!ref.isPresent()) {
                    continue;
                }
                String name = ref.get("name").scalar().orElse("");
                Optional<Map<String, String>> data = data(kind, name);
                if (data.isEmpty()) {
                    problems.add(where + " takes its environment from " + kind + " " + name + ", which the base does not have");
                    continue;
                }
                EnvValue.Source origin = kind.equals("ConfigMap") ? EnvValue.Source.CONFIG_MAP : EnvValue.Source.SECRET;
                data.get().forEach((key, value) -> environment.put(key, new EnvValue(value, origin, kind + " " + name)));
            }
        }
        for (YamlNode variable : container.get("env").items()) {
            String name = variable.get("name").scalar().orElse("");
            YamlNode valueFrom = variable.get("valueFrom");
            if (!valueFrom.isPresent()) {
                environment.put(name, new EnvValue(variable.get("value").scalar().orElse(""), EnvValue.Source.LITERAL,
                        variable.get("value").scalar().orElse("")));
            } else if (valueFrom.get("fieldRef").isPresent()) {
                String field = valueFrom.at("fieldRef", "fieldPath").scalar().orElse("");
                environment.put(name, new EnvValue("<" + field + ">", EnvValue.Source.POD_FIELD, field));
            } else {
                boolean secret = valueFrom.get("secretKeyRef").isPresent();
                YamlNode ref = valueFrom.get(secret ? "secretKeyRef" : "configMapKeyRef");
                String kind = secret ? "Secret" : "ConfigMap";
                String objectName = ref.get("name").scalar().orElse("");
                String key = ref.get("key").scalar().orElse("");
                Optional<String> value = data(kind, objectName).map(data -> data.get(key));
                if (value.isEmpty()) {
                    problems.add(variable.where() + " (" + name + ") refers to " + kind + " " + objectName + " key " + key
                            + ", which the base does not have");
                    continue;
                }
                environment.put(name, new EnvValue(value.get(),
                        secret ? EnvValue.Source.SECRET : EnvValue.Source.CONFIG_MAP, kind + " " + objectName + " key " + key));
            }
        }
        return environment;
    }

    /** The port a probe or Service names, by number or by the container port's name. */
    static Optional<Integer> containerPort(YamlNode container, YamlNode port) {
        if (port.integer().isPresent()) {
            return port.integer();
        }
        String name = port.scalar().orElse("");
        return container.get("ports").items().stream()
                .filter(candidate -> candidate.get("name").scalar().orElse("").equals(name))
                .map(candidate -> candidate.get("containerPort").integer().orElse(-1))
                .findFirst();
    }

    /** A container of the app image, read into the shape the shared rules check. */
    AppContainer appContainer(KubernetesObject workload, YamlNode container, List<String> problems) {
        String where = workload.where() + " container " + container.get("name").scalar().orElse("?");
        List<Probe> probes = new ArrayList<>();
        probe(container, "readinessProbe", Probe.Purpose.READINESS, where).ifPresent(probes::add);
        probe(container, "livenessProbe", Probe.Purpose.LIVENESS, where).ifPresent(probes::add);
        probe(container, "startupProbe", Probe.Purpose.STARTUP, where).ifPresent(probes::add);
        List<Integer> ports = container.get("ports").items().stream()
                .map(port -> port.get("containerPort").integer().orElse(-1))
                .toList();
        return new AppContainer(where, container.get("image").scalar().orElse(""), container.get("args").scalars(),
                environment(container, where, problems), ports, probes);
    }

    private static Optional<Probe> probe(YamlNode container, String key, Probe.Purpose purpose, String where) {
        YamlNode probe = container.get(key);
        if (!probe.isPresent()) {
            return Optional.empty();
        }
        String probeWhere = where + " " + key;
        if (probe.get("httpGet").isPresent()) {
            return Optional.of(new Probe(purpose, Probe.Kind.HTTP, containerPort(container, probe.at("httpGet", "port")),
                    probe.at("httpGet", "path").scalar().orElse("/"), probeWhere));
        }
        if (probe.get("grpc").isPresent()) {
            return Optional.of(new Probe(purpose, Probe.Kind.GRPC, probe.at("grpc", "port").integer(),
                    probe.at("grpc", "service").scalar().orElse(Listener.WHOLE_SERVER), probeWhere));
        }
        if (probe.get("tcpSocket").isPresent()) {
            return Optional.of(new Probe(purpose, Probe.Kind.TCP, containerPort(container, probe.at("tcpSocket", "port")),
                    "", probeWhere));
        }
        return Optional.of(new Probe(purpose, Probe.Kind.EXEC, Optional.empty(),
                String.join(" ", probe.at("exec", "command").scalars()), probeWhere));
    }

    private void generate(String generatorKey, String kind) {
        for (YamlNode generator : kustomization.get(generatorKey).items()) {
            String name = generator.get("name").scalar().orElse("?");
            Map<String, String> data = new LinkedHashMap<>();
            for (String envFile : generator.get("envs").scalars()) {
                Path file = directory.resolve(envFile);
                if (Files.isRegularFile(file)) {
                    data.putAll(DotEnvFile.read(file).values());
                } else {
                    missingFiles.add(generator.where() + " reads " + envFile + ", which does not exist");
                }
            }
            for (String literal : generator.get("literals").scalars()) {
                int equals = literal.indexOf('=');
                data.put(literal.substring(0, Math.max(equals, 0)), literal.substring(equals + 1));
            }
            for (String entry : generator.get("files").scalars()) {
                int equals = entry.indexOf('=');
                String path = equals < 0 ? entry : entry.substring(equals + 1);
                String key = equals < 0 ? Path.of(path).getFileName().toString() : entry.substring(0, equals);
                Path file = directory.resolve(path);
                if (Files.isRegularFile(file)) {
                    data.put(key, YamlFiles.read(file));
                } else {
                    missingFiles.add(generator.where() + " reads " + path + ", which does not exist");
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("apiVersion", "v1");
            body.put("kind", kind);
            body.put("metadata", Map.of("name", name));
            body.put("data", data);
            objects.add(new KubernetesObject(kind, name, YamlNode.root(generator.where(), body)));
        }
    }
}
