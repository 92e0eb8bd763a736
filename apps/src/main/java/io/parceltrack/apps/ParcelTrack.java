package io.parceltrack.apps;

import ch.qos.logback.classic.Level;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.EnvironmentOverrides;
import io.parceltrack.apps.config.InvalidConfigurationException;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.logging.LoggingSetup;
import io.parceltrack.apps.runtime.Lifecycle;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The one executable: {@code java -jar parceltrack.jar <command>}. Each command reads the settings,
 * reports every problem with them at once, sets up logging, assembles its app and runs it until
 * SIGTERM, when it stops taking work, finishes what is in flight and closes its resources.
 */
public final class ParcelTrack {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int BAD_CONFIGURATION = 3;

    static final List<App> APPS = List.of(
            new StandaloneApp(),
            new AccountServiceApp(),
            new ParcelsManagerServiceApp(),
            new ParcelsUserServiceApp(),
            new NotificationServiceApp(),
            new UserBotApp(),
            new ManagerBotApp(),
            new TelegramEmulatorApp());

    private ParcelTrack() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(CertsCommand.COMMAND)) {
            System.exit(CertsCommand.run(args, System.out, System.err));
            return;
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(USAGE);
            return;
        }
        String command = line.command();
        Optional<App> app = APPS.stream().filter(candidate -> candidate.command().equals(command)).findFirst();
        if (app.isPresent()) {
            try {
                start(app.get(), line.environment(), System.out, System.err).awaitStop();
                return;
            } catch (CannotStart e) {
                System.exit(e.exitCode);
            }
        }
        System.exit(runCommand(command, line.environment(), System.out, System.err));
    }

    /** The commands that run and exit. */
    static int runCommand(String command, Map<String, String> environment, PrintStream out, PrintStream err) {
        switch (command) {
            case MigrateCommand.COMMAND:
                try {
                    AppSettings settings = settings(environment, MigrateCommand::checkRequirements);
                    configureLogging(MigrateCommand.COMMAND, settings);
                    MigrateCommand.run(settings, out);
                    return OK;
                } catch (InvalidConfigurationException e) {
                    err.println(e.getMessage());
                    return BAD_CONFIGURATION;
                } catch (RuntimeException e) {
                    err.println("migration failed: " + e.getMessage());
                    return FAILED;
                }
            case SettingsCommand.COMMAND:
                try {
                    SettingsCommand.print(environment, out);
                    return OK;
                } catch (InvalidConfigurationException e) {
                    err.println(e.getMessage());
                    return BAD_CONFIGURATION;
                }
            case "help":
            case "--help":
                usage(out);
                return OK;
            case "":
                usage(err);
                return USAGE;
            default:
                err.println("unknown command '" + command + "'");
                err.println();
                usage(err);
                return USAGE;
        }
    }

    /** An app could not run; it has said why on the error stream. */
    static final class CannotStart extends Exception {
        final int exitCode;

        CannotStart(int exitCode, Throwable cause) {
            super(cause);
            this.exitCode = exitCode;
        }
    }

    /**
     * Reads the settings, sets up logging, assembles and starts {@code app}, and makes SIGTERM stop it.
     *
     * @throws CannotStart with {@link #BAD_CONFIGURATION} or {@link #FAILED}, having said why on {@code err}
     */
    static Lifecycle start(App app, Map<String, String> environment, PrintStream out, PrintStream err)
            throws CannotStart {
        AppSettings settings;
        try {
            settings = settings(environment, app::checkRequirements);
        } catch (InvalidConfigurationException e) {
            err.println(app.command() + ": " + e.getMessage());
            throw new CannotStart(BAD_CONFIGURATION, e);
        }
        configureLogging(app.command(), settings);
        try {
            Lifecycle lifecycle = app.assemble(settings, Clock.systemUTC());
            lifecycle.stopOnShutdown();
            lifecycle.start();
            out.println(app.command() + " is running:");
            lifecycle.announcements().forEach(line -> out.println("  " + line));
            return lifecycle;
        } catch (Exception e) {
            LoggerFactory.getLogger(ParcelTrack.class).error("{} could not start", app.command(), e);
            err.println(app.command() + " could not start: " + StartFailure.explain(e, ConfigurationLoader.load(environment)));
            throw new CannotStart(FAILED, e);
        }
    }

    private interface Requirements {
        void check(AppSettings settings, SettingsReader reader);
    }

    private static AppSettings settings(Map<String, String> environment, Requirements requirements) {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(environment));
        AppSettings settings = AppSettings.read(reader);
        requirements.check(settings, reader);
        reader.validate();
        return settings;
    }

    private static void configureLogging(String command, AppSettings settings) {
        AppSettings.Logging logging = settings.logging();
        LoggingSetup.configure(new LoggingSetup.Settings(command,
                LoggingSetup.Format.forSetting(logging.format(), System.console() != null),
                Level.toLevel(logging.level(), Level.INFO),
                logging.logstashDestination(),
                List.of(settings.telegram().userBot().token(), settings.telegram().managerBot().token(),
                        settings.demo().apiToken(), settings.db().accounts().password(),
                        settings.db().parcels().password(), settings.db().bots().password())));
    }

    private static void usage(PrintStream out) {
        out.println("usage: ./parceltrack <command>   (or: java -jar apps/target/parceltrack.jar <command>)");
        out.println();
        for (App app : APPS) {
            out.printf("  %-26s %s%n", app.command(), app.description());
        }
        out.printf("  %-26s %s%n", StandaloneApp.COMMAND + " --data-dir DIR", "standalone, keeping its data in DIR (a PostgreSQL it runs there)");
        out.printf("  %-26s %s%n", MigrateCommand.COMMAND, "apply the schema migrations of every configured database, then exit");
        out.printf("  %-26s %s%n", SettingsCommand.COMMAND, "list every setting: its variable, default, current value and meaning");
        out.printf("  %-26s %s%n", CertsCommand.COMMAND + " DIR", "write a new CA and a certificate per app to DIR, for mutual TLS on gRPC");
        out.println();
        out.println("Settings come from PARCELTRACK_* environment variables; see docs/CONFIGURATION.md.");
    }
}
