package io.parceltrack.apps.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures Logback in code from our own settings: JSON lines (logstash-logback-encoder) or plain
 * text on the console, optionally also shipped to Logstash over TCP. Whatever looks like a secret
 * (Telegram bot tokens, issued API tokens, and the configured secret values themselves) is masked
 * in every line before it is written anywhere.
 */
public final class LoggingSetup {
    static final String MASK = "****";
    /** Telegram bot tokens: {@code <bot id>:<35 characters>}. */
    static final String BOT_TOKEN = "[0-9]{5,12}:[A-Za-z0-9_-]{30,}";
    /** API tokens as we issue them. */
    static final String API_TOKEN = "pt_[A-Za-z0-9_-]{43}";

    private LoggingSetup() {}

    public enum Format {
        JSON, PLAIN;

        /**
         * {@code auto} is plain text for a person at a terminal and JSON lines for whatever else reads
         * the output (a container runtime, a log shipper, a file).
         */
        public static Format forSetting(String setting, boolean terminal) {
            return switch (setting.toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> JSON;
                case "plain" -> PLAIN;
                default -> terminal ? PLAIN : JSON;
            };
        }
    }

    /**
     * @param app the running command (e.g. {@code account-service}), written into every JSON line
     *     with the host name, so that lines shipped to Logstash can be told apart
     */
    public record Settings(String app, Format format, Level level, String logstashDestination, List<String> secrets) {}

    public static void configure(Settings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        List<String> secrets = maskedSecrets(settings.secrets());

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.level());
        String origin = origin(settings.app());
        root.addAppender(console(context, settings.format() == Format.JSON
                ? jsonEncoder(context, secrets, origin) : plainEncoder(context, secretPatterns(secrets))));
        if (!settings.logstashDestination().isBlank()) {
            root.addAppender(logstash(context, settings.logstashDestination(), secrets, origin));
        }
        // Libraries that are chatty at INFO.
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        context.getLogger("io.grpc.netty").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);

        TraceLogContext.install();

        // grpc-java and a few others log through java.util.logging.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** The configured secrets worth masking: a value of a few characters would mask half of every line. */
    private static List<String> maskedSecrets(List<String> secrets) {
        return secrets.stream().filter(secret -> secret != null && secret.length() >= 4).toList();
    }

    private static List<String> secretPatterns(List<String> secrets) {
        List<String> patterns = new ArrayList<>(List.of(BOT_TOKEN, API_TOKEN));
        secrets.stream().map(Pattern::quote).forEach(patterns::add);
        return patterns;
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context, List<String> secrets, String origin) {
        return logstashEncoder(context, secrets, origin);
    }

    private static LogstashEncoder logstashEncoder(LoggerContext context, List<String> secrets, String origin) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        encoder.setCustomFields(origin);
        encoder.setJsonGeneratorDecorator(masking(secrets));
        encoder.start();
        return encoder;
    }

    /** The fields that say who wrote a line: the app and the host (a pod's name in Kubernetes). */
    static String origin(String app) {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown";
            }
        }
        return "{\"app\":\"" + jsonText(app) + "\",\"host\":\"" + jsonText(host) + "\"}";
    }

    private static String jsonText(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Encoder<ILoggingEvent> plainEncoder(LoggerContext context, List<String> masks) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        String alternatives = String.join("|", masks);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} %mdc - %replace(%msg){'" + alternatives
                + "', '" + MASK + "'}%n%replace(%ex){'" + alternatives + "', '" + MASK + "'}%nopex");
        encoder.start();
        return encoder;
    }

    private static Appender<ILoggingEvent> logstash(LoggerContext context, String destination, List<String> secrets,
            String origin) {
        LogstashTcpSocketAppender appender = new LogstashTcpSocketAppender();
        appender.setContext(context);
        appender.setName("logstash");
        appender.addDestination(destination);
        appender.setEncoder(logstashEncoder(context, secrets, origin));
        appender.start();
        return appender;
    }

    /** One masker for all the patterns: one regex masker per pattern scanned every value once each. */
    private static MaskingJsonGeneratorDecorator masking(List<String> secrets) {
        MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
        decorator.setDefaultMask(MASK);
        decorator.addValueMasker(new SecretMasker(secrets, MASK));
        decorator.start();
        return decorator;
    }
}
