package io.parceltrack.deploy;

import com.typesafe.config.Config;
import io.parceltrack.apps.AccountServiceApp;
import io.parceltrack.apps.App;
import io.parceltrack.apps.ManagerBotApp;
import io.parceltrack.apps.NotificationServiceApp;
import io.parceltrack.apps.ParcelsManagerServiceApp;
import io.parceltrack.apps.ParcelsUserServiceApp;
import io.parceltrack.apps.UserBotApp;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.EnvironmentOverrides;
import io.parceltrack.apps.config.InvalidConfigurationException;
import io.parceltrack.apps.config.SettingsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the apps really are, as the apps module says: the subcommands the jar's own usage text lists,
 * the settings of reference.conf and their environment variables, each app's own start-up
 * requirements, and the ports each app listens on. Everything a manifest is held against.
 */
final class RealApps {
    static final String MIGRATE = "migrate";
    /** The Bot API emulator: run only by the compose override that replaces Telegram (compose.emulator.yaml). */
    static final String TELEGRAM_EMULATOR = "telegram-emulator";
    /** Commands of the jar that the deployment deliberately does not run. */
    static final Set<String> NOT_DEPLOYED = Set.of("standalone", "settings", TELEGRAM_EMULATOR);

    private static final Pattern USAGE_LINE = Pattern.compile("^ {2}([a-z][a-z-]+) {2,}\\S.*$");

    /** The six long-running apps, as the jar's main class builds them (ParcelTrack.APPS is not public). */
    private final Map<String, App> apps = byCommand(List.of(
            new AccountServiceApp(), new ParcelsManagerServiceApp(), new ParcelsUserServiceApp(),
            new NotificationServiceApp(), new UserBotApp(), new ManagerBotApp()));

    /**
     * The ports each app opens, as its {@code assemble} method wires them (a public descriptor in the
     * apps module would make this table unnecessary).
     */
    private final Map<String, List<Listener>> listeners = Map.of(
            "account-service", List.of(Listener.grpc("account"), Listener.health()),
            "parcels-manager-service", List.of(Listener.grpc("parcels-manager"), Listener.rest()),
            "parcels-user-service", List.of(Listener.grpc("parcels-user"), Listener.rest()),
            "notification-service", List.of(Listener.health()),
            "user-bot", List.of(Listener.health()),
            "manager-bot", List.of(Listener.health()));

    private final Map<String, String> variables = EnvironmentOverrides.variables(ConfigurationLoader.load(Map.of()));
    private final Set<String> jarCommands;

    RealApps() {
        jarCommands = commandsFromUsage();
    }

    /** Every command the jar's {@code help} lists, e.g. {@code account-service}, {@code migrate}. */
    Set<String> jarCommands() {
        return jarCommands;
    }

    /** The long-running apps a deployment runs. */
    Set<String> deployedApps() {
        return apps.keySet();
    }

    boolean isDeployedApp(String command) {
        return apps.containsKey(command);
    }

    /** Environment variable → setting path, for every setting in reference.conf. */
    Map<String, String> variables() {
        return variables;
    }

    boolean isSetting(String variable) {
        return variables.containsKey(variable);
    }

    /** Settings whose value must come from a secret: bot tokens, API tokens, passwords. */
    boolean isSecret(String variable) {
        String path = variables.getOrDefault(variable, "");
        return path.endsWith(".token") || path.endsWith("-token") || path.endsWith(".password");
    }

    List<Listener> listenersOf(String app) {
        return listeners.getOrDefault(app, List.of());
    }

    /** Every problem the app would report at start-up with {@code environment}, in its own words. */
    List<String> startupProblems(String app, Map<String, String> environment) {
        if (!apps.containsKey(app)) {
            return List.of(app + " is not one of the apps " + apps.keySet());
        }
        try {
            SettingsReader reader = new SettingsReader(ConfigurationLoader.load(environment));
            AppSettings settings = AppSettings.read(reader);
            apps.get(app).checkRequirements(settings, reader);
            return reader.problems();
        } catch (InvalidConfigurationException e) {
            return e.problems();
        }
    }

    /**
     * Whether the app's start-up check fails when {@code variable} is blank: the app uses that
     * setting and cannot do without it (whether or not reference.conf has a default for it).
     */
    boolean requires(String app, String variable, Map<String, String> environment) {
        Map<String, String> blanked = new HashMap<>(environment);
        blanked.put(variable, "");
        return startupProblems(app, blanked).stream().anyMatch(problem -> problem.startsWith(variable + " "));
    }

    /** The gRPC addresses (variable → value with this environment, defaults included) the app calls. */
    Map<String, String> requiredGrpcAddresses(String app, Map<String, String> environment) {
        Map<String, String> addresses = new LinkedHashMap<>();
        variables.forEach((variable, path) -> {
            if (path.matches("parceltrack\\.grpc\\.[a-z-]+\\.address") && requires(app, variable, environment)) {
                addresses.put(variable, setting(path, environment));
            }
        });
        return addresses;
    }

    /** Whether the app needs a Telegram bot token, i.e. long-polls Telegram (only one process may per token). */
    boolean pollsTelegram(String app) {
        return apps.containsKey(app) && startupProblems(app, Map.of()).stream().anyMatch(problem -> problem.matches("PARCELTRACK_TELEGRAM_\\w+_TOKEN .*"));
    }

    /** The port {@code listener} gets with {@code environment}. */
    int port(Listener listener, Map<String, String> environment) {
        return config(environment).getInt(listener.portSetting());
    }

    /** A setting's value with {@code environment}, e.g. {@code parceltrack.db.migrate-on-start}. */
    String setting(String path, Map<String, String> environment) {
        return config(environment).getString(path);
    }

    /** The default ports of every deployed app's listeners. */
    Set<Integer> defaultPorts() {
        return listeners.values().stream().flatMap(List::stream).map(listener -> port(listener, Map.of()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Config config(Map<String, String> environment) {
        return ConfigurationLoader.load(environment);
    }

    private static Map<String, App> byCommand(List<App> apps) {
        return apps.stream().collect(Collectors.toMap(App::command, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Runs the jar's main class with {@code help} in a child JVM (it ends with System.exit) and reads
     * the commands off its usage text.
     */
    private static Set<String> commandsFromUsage() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.parceltrack.apps.ParcelTrack", "help").redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("`parceltrack help` failed:\n" + output);
            }
            Set<String> commands = new LinkedHashSet<>();
            for (String line : output.split("\\R")) {
                Matcher matcher = USAGE_LINE.matcher(line);
                if (matcher.matches()) {
                    commands.add(matcher.group(1));
                }
            }
            if (commands.isEmpty()) {
                throw new IllegalStateException("no command found in the usage text:\n" + output);
            }
            return Set.copyOf(commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
