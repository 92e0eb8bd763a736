package io.parceltrack.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules every container of the app image obeys, in compose and in Kubernetes alike. Each rule
 * returns the problems it finds (empty when all is well), worded to point at the manifest line.
 */
final class AppContainerRules {
    /** Variables a container may carry that are not ParcelTrack settings. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** A substitution without a default: the secret comes from the .env file, never from the compose file. */
    private static final Pattern SUBSTITUTION_WITHOUT_DEFAULT = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");
    private static final String INSTANCE_ID = "PARCELTRACK_KAFKA_INSTANCE_ID";

    private final RealApps apps;

    AppContainerRules(RealApps apps) {
        this.apps = apps;
    }

    /** A long-running container runs exactly one of the apps, by a subcommand the jar really has. */
    List<String> commandProblems(AppContainer container) {
        String command = container.command();
        if (apps.isDeployedApp(command) && apps.jarCommands().contains(command)) {
            return List.of();
        }
        return List.of(container.where() + " runs " + container.arguments() + ", which is not one of the apps "
                + apps.deployedApps() + " (the jar's commands: " + apps.jarCommands() + ")");
    }

    /** A migration container runs {@code migrate} and nothing else. */
    List<String> migrationCommandProblems(AppContainer container) {
        if (container.arguments().equals(List.of(RealApps.MIGRATE)) && apps.jarCommands().contains(RealApps.MIGRATE)) {
            return List.of();
        }
        return List.of(container.where() + " runs " + container.arguments() + " instead of [" + RealApps.MIGRATE + "]");
    }

    /** Every variable names a real setting (a misspelt one would be ignored without a word). */
    List<String> variableProblems(AppContainer container) {
        return container.environment().keySet().stream()
                .filter(name -> !apps.isSetting(name) && !JVM_VARIABLES.contains(name))
                .map(name -> container.where() + " sets " + name + ", which is no setting of reference.conf"
                        + nearest(name).map(guess -> " (did you mean " + guess + "?)").orElse(""))
                .toList();
    }

    /** The app would start: its own start-up check finds everything it needs (database, Kafka, gRPC addresses, token). */
    List<String> startupProblems(AppContainer container) {
        if (!apps.isDeployedApp(container.command())) {
            return List.of();
        }
        return apps.startupProblems(container.command(), container.values()).stream()
                .map(problem -> container.where() + ": " + problem)
                .toList();
    }

    /**
     * An app is given only the databases it uses (by its own start-up check): an unused URL invites
     * a password next to it that the app has no business holding.
     */
    List<String> unusedDatabaseProblems(AppContainer container) {
        if (!apps.isDeployedApp(container.command())) {
            return List.of();
        }
        return Databases.urlsByRole(container).keySet().stream()
                .map(role -> "PARCELTRACK_DB_" + role + "_URL")
                .filter(variable -> !apps.requires(container.command(), variable, container.values()))
                .map(variable -> container.where() + " is given " + variable + ", a database " + container.command()
                        + " does not use")
                .toList();
    }

    /** Declared ports are ports the app listens on, with the settings this container gets. */
    List<String> declaredPortProblems(AppContainer container) {
        Set<Integer> listening = listeningPorts(container);
        return container.declaredPorts().stream()
                .filter(port -> !listening.contains(port))
                .map(port -> container.where() + " declares port " + port + ", but " + container.command()
                        + " listens on " + listening)
                .toList();
    }

    /**
     * Probes ask what the app serves: HTTP probes a health path on an HTTP port of the app, gRPC
     * probes the whole server's health on a gRPC port; readiness asks /health/ready (it checks the
     * app's dependencies), liveness and startup never do (a database outage must not restart pods).
     */
    List<String> probeProblems(AppContainer container) {
        List<String> problems = new ArrayList<>();
        if (container.probes().stream().noneMatch(probe -> probe.purpose() == Probe.Purpose.READINESS)) {
            problems.add(container.where() + " has no readiness check");
        }
        for (Probe probe : container.probes()) {
            Optional<Listener> listener = probe.port().flatMap(port -> listenerOn(container, port));
            if (listener.isEmpty()) {
                problems.add(probe.where() + " checks port " + probe.port().map(String::valueOf).orElse("(unresolved)")
                        + ", but " + container.command() + " listens on " + listeningPorts(container));
                continue;
            }
            Listener.Kind kind = listener.get().kind();
            switch (probe.kind()) {
                case HTTP -> {
                    if (!kind.isHttp()) {
                        problems.add(probe.where() + " speaks HTTP to a gRPC port");
                    } else if (!Listener.HEALTH_PATHS.contains(probe.target())) {
                        problems.add(probe.where() + " asks " + probe.target() + ", which the app does not serve; it serves "
                                + Listener.HEALTH_PATHS);
                    }
                }
                case GRPC -> {
                    if (kind != Listener.Kind.GRPC) {
                        problems.add(probe.where() + " speaks gRPC to an HTTP port");
                    } else if (!probe.target().equals(Listener.WHOLE_SERVER)) {
                        problems.add(probe.where() + " asks the health of service '" + probe.target()
                                + "'; ask the whole server (no service name)");
                    }
                }
                default -> problems.add(probe.where() + " is a " + probe.kind()
                        + " check; ask the app's health endpoint instead");
            }
            boolean asksReady = probe.kind() == Probe.Kind.HTTP && probe.target().equals(Listener.READY);
            if (probe.purpose() == Probe.Purpose.READINESS && !asksReady) {
                problems.add(probe.where() + " is a readiness check that does not ask " + Listener.READY);
            }
            if (probe.purpose() != Probe.Purpose.READINESS && asksReady) {
                problems.add(probe.where() + " restarts the container when a dependency is down; ask " + Listener.LIVE);
            }
        }
        return problems;
    }

    /** Tokens and passwords come from a Secret (compose: from the .env file), never from the manifest. */
    List<String> secretProblems(AppContainer container) {
        List<String> problems = new ArrayList<>();
        container.environment().forEach((name, env) -> {
            if (!apps.isSecret(name)) {
                return;
            }
            boolean fromSecret = env.source() == EnvValue.Source.SECRET
                    || env.source() == EnvValue.Source.SUBSTITUTED
                            && SUBSTITUTION_WITHOUT_DEFAULT.matcher(env.origin()).matches();
            if (!fromSecret) {
                problems.add(container.where() + " takes the secret " + name + " from " + env.source() + " '"
                        + env.origin() + "'; take it from a Secret (compose: a ${VARIABLE} without default)");
            }
        });
        return problems;
    }

    /** The migration Jobs/services migrate; apps never do on start (replicas would race, and a rollout would migrate). */
    List<String> migrateOnStartProblems(AppContainer container) {
        String migrateOnStart = apps.setting("parceltrack.db.migrate-on-start", container.values());
        return migrateOnStart.equals("false") ? List.of()
                : List.of(container.where() + " migrates on start (PARCELTRACK_DB_MIGRATE_ON_START=" + migrateOnStart + ")");
    }

    /**
     * Every instance names its Kafka transactional producers itself (from its host name, or its pod
     * name): a shared fixed id would fence the others, and any other pod field (a uid) changes with
     * every replacement.
     */
    List<String> instanceIdProblems(AppContainer container) {
        EnvValue instanceId = container.environment().get(INSTANCE_ID);
        if (instanceId == null || instanceId.source() == EnvValue.Source.POD_FIELD && instanceId.origin().equals("metadata.name")) {
            return List.of();
        }
        return List.of(container.where() + " fixes " + INSTANCE_ID + " to '" + instanceId.origin()
                + "'; leave it to the host name (or the pod name)");
    }

    Set<Integer> listeningPorts(AppContainer container) {
        return apps.listenersOf(container.command()).stream()
                .map(listener -> apps.port(listener, container.values()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Optional<Listener> listenerOn(AppContainer container, int port) {
        return apps.listenersOf(container.command()).stream()
                .filter(listener -> apps.port(listener, container.values()) == port)
                .findFirst();
    }

    /** The listener {@code container} serves the setting {@code portSetting} on, and its port. */
    Optional<Integer> portOf(AppContainer container, String portSetting) {
        return apps.listenersOf(container.command()).stream()
                .filter(listener -> listener.portSetting().equals(portSetting))
                .map(listener -> apps.port(listener, container.values()))
                .findFirst();
    }

    private Optional<String> nearest(String name) {
        return apps.variables().keySet().stream()
                .filter(candidate -> editDistance(candidate, name) <= 3)
                .min((a, b) -> Integer.compare(editDistance(a, name), editDistance(b, name)));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
