package io.parceltrack.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose file as docker compose would see it with a given {@code .env}: YAML anchors and
 * merges resolved, every {@code ${...}} substituted. The file as written stays at hand, so that a
 * check can tell a value typed into the file from one substituted from the environment.
 */
final class ComposeProject {
    private static final Pattern HEALTH_URL = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):(\\d+)(/[^\\s'\"]*)?");
    private static final Pattern PUBLISHED_PORT = Pattern.compile("^(?:(?:[\\d.]+:)?[^:]*:)?(\\d+)(?:/tcp)?$");

    private final Path file;
    private final YamlNode written;
    private final YamlNode resolved;
    private final Set<String> variablesUsed = new LinkedHashSet<>();
    private final List<String> substitutionErrors = new ArrayList<>();

    private ComposeProject(Path file, YamlNode written, Map<String, String> environment) {
        this.file = file;
        this.written = written;
        this.resolved = YamlNode.root(written.where(), substitute(written.value(), environment));
    }

    static ComposeProject load(Path file, Map<String, String> environment) {
        return new ComposeProject(file, YamlFiles.document(file), environment);
    }

    /** Every variable the file substitutes, set or not. */
    Set<String> variablesUsed() {
        return variablesUsed;
    }

    /** Variables the file requires (or uses without default) that the environment did not give. */
    List<String> substitutionErrors() {
        return substitutionErrors;
    }

    Map<String, YamlNode> services() {
        return resolved.get("services").entries();
    }

    YamlNode service(String name) {
        return resolved.get("services").get(name);
    }

    YamlNode writtenService(String name) {
        return written.get("services").get(name);
    }

    Set<String> volumesDeclared() {
        return resolved.get("volumes").entries().keySet();
    }

    /** The profiles a service belongs to; empty means it always runs. */
    List<String> profiles(String service) {
        return service(service).get("profiles").scalars();
    }

    String image(String service) {
        return service(service).get("image").scalar().orElse("");
    }

    /** depends_on as dependency → condition (the short form means service_started). */
    Map<String, String> dependsOn(String service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        YamlNode dependsOn = service(service).get("depends_on");
        if (dependsOn.isList()) {
            dependsOn.scalars().forEach(name -> dependencies.put(name, "service_started"));
        } else {
            dependsOn.entries().forEach((name, spec) ->
                    dependencies.put(name, spec.get("condition").scalar().orElse("service_started")));
        }
        return dependencies;
    }

    /** The environment of a service as written and as substituted. */
    Map<String, EnvValue> environment(String service) {
        Map<String, EnvValue> environment = new LinkedHashMap<>();
        Map<String, String> writtenValues = environmentMap(writtenService(service).get("environment"));
        environmentMap(service(service).get("environment")).forEach((name, value) -> {
            String origin = writtenValues.getOrDefault(name, value);
            EnvValue.Source source = origin.contains("$") ? EnvValue.Source.SUBSTITUTED : EnvValue.Source.LITERAL;
            environment.put(name, new EnvValue(value, source, origin));
        });
        return environment;
    }

    /** Host files mounted into a service, by the path they get inside the container. */
    Map<String, Path> mountedFiles(String service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (String volume : service(service).get("volumes").scalars()) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.put(parts[1], file.getParent().resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    /** Named volumes a service mounts. */
    List<String> namedVolumes(String service) {
        return service(service).get("volumes").scalars().stream()
                .map(volume -> volume.split(":")[0])
                .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                .toList();
    }

    /** SQL scripts the postgres image runs when it initialises the service's data directory. */
    List<Path> initScripts(String service) {
        return mountedFiles(service).entrySet().stream()
                .filter(mount -> mount.getKey().startsWith(Databases.INIT_SCRIPTS + "/"))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** A service that runs the app image, read into the shape the shared rules check. */
    AppContainer appContainer(String service) {
        YamlNode node = service(service);
        String where = DeployFiles.relative(file) + ": service " + service;
        List<String> arguments = node.get("command").isList() ? node.get("command").scalars()
                : node.get("command").scalar().map(command -> List.of(command.trim().split("\\s+"))).orElse(List.of());
        List<Integer> published = new ArrayList<>();
        for (YamlNode port : node.get("ports").items()) {
            if (port.isMap()) {
                port.get("target").integer().ifPresent(published::add);
            } else {
                Matcher matcher = PUBLISHED_PORT.matcher(port.scalar().orElse(""));
                published.add(matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1);
            }
        }
        return new AppContainer(where, image(service), arguments, environment(service), published,
                healthcheck(node.get("healthcheck"), where + " healthcheck"));
    }

    /** The service a healthcheck reports to depends_on ... service_healthy: a readiness check. */
    private static List<Probe> healthcheck(YamlNode healthcheck, String where) {
        if (!healthcheck.isPresent() || healthcheck.get("disable").scalar().orElse("false").equals("true")) {
            return List.of();
        }
        String command = String.join(" ", healthcheck.get("test").scalars());
        Matcher url = HEALTH_URL.matcher(command);
        if (url.find()) {
            return List.of(new Probe(Probe.Purpose.READINESS, Probe.Kind.HTTP, Optional.of(Integer.parseInt(url.group(2))),
                    url.group(3) == null ? "/" : url.group(3), where));
        }
        return List.of(new Probe(Probe.Purpose.READINESS, Probe.Kind.EXEC, Optional.empty(), command, where));
    }

    private static Map<String, String> environmentMap(YamlNode environment) {
        Map<String, String> values = new LinkedHashMap<>();
        if (environment.isList()) {
            for (String entry : environment.scalars()) {
                int equals = entry.indexOf('=');
                values.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        } else {
            environment.entries().forEach((name, value) -> values.put(name, value.scalar().orElse("")));
        }
        return values;
    }

    private Object substitute(Object value, Map<String, String> environment) {
        if (value instanceof String text) {
            ComposeSubstitution.Result result = ComposeSubstitution.substitute(text, environment);
            variablesUsed.addAll(result.variables());
            substitutionErrors.addAll(result.errors());
            return result.value();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(key, substitute(child, environment)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(child -> substitute(child, environment)).toList();
        }
        return value;
    }
}
