package io.parceltrack.kafka.testing;

import io.parceltrack.kafka.KafkaClientSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker for integration tests: one KRaft node (broker and controller in one
 * process) run as a child JVM from the test classpath, i.e. from the Maven Central artifacts
 * {@code kafka_2.13} and {@code kafka-server}. It listens on two free localhost ports and keeps its
 * data in a fresh temporary directory. {@link #stop()}, {@link #kill()} and {@link #start()} take it
 * down and bring it back on the same ports with the same data, for outage tests.
 *
 * <p>Starting a broker takes seconds, so tests share one per test JVM through
 * {@link KafkaTestBrokerExtension} rather than creating their own.
 */
public final class KafkaTestBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final Path properties;
    private final Path logFile;
    private final int port;
    /** Small and quick to start: the tests' broker does little, and several JVMs boot at once. */
    private static final List<String> TEST_JVM_OPTIONS =
            List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Thread killOnExit;
    private final List<String> jvmOptions;
    /** The SASL_SSL listener, if this broker has one (else null) and its port. */
    private final ScramTlsListener secure;
    private final int securePort;
    private Process process;

    private KafkaTestBroker(Path directory, int port, int controllerPort, List<String> jvmOptions,
            ScramTlsListener secure, int securePort) throws IOException {
        this.directory = directory;
        this.secure = secure;
        this.securePort = securePort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
        this.properties = directory.resolve("server.properties");
        this.logFile = directory.resolve("broker.log");
        Files.writeString(properties, serverProperties(directory.resolve("data"), port, controllerPort, secure, securePort));
        Files.writeString(directory.resolve("logback-broker.xml"), brokerLogging(logFile));
        this.killOnExit = new Thread(this::destroyQuietly, "kafka-test-broker-kill");
    }

    /** Formats a fresh log directory and starts the broker; returns once it answers. */
    public static KafkaTestBroker startNew() {
        return startNew(TEST_JVM_OPTIONS);
    }

    /**
     * As {@link #startNew()}, with the broker JVM's heap, GC and JIT options chosen by the caller
     * (a benchmark wants the optimising compiler the tests' broker goes without).
     */
    public static KafkaTestBroker startNew(List<String> jvmOptions) {
        return startNew(jvmOptions, null);
    }

    /**
     * As {@link #startNew()}, with a second listener that takes only TLS connections with a SCRAM-SHA-512
     * login ({@link #secureBootstrapServers()}); the plain listener stays for the harness's admin client.
     */
    public static KafkaTestBroker startSecured(ScramTlsListener secure) {
        return startNew(TEST_JVM_OPTIONS, secure);
    }

    private static KafkaTestBroker startNew(List<String> jvmOptions, ScramTlsListener secure) {
        try {
            Path directory = Files.createTempDirectory("parceltrack-kafka-");
            int[] ports = freePorts(3);
            KafkaTestBroker broker = new KafkaTestBroker(directory, ports[0], ports[1], jvmOptions, secure, ports[2]);
            Runtime.getRuntime().addShutdownHook(broker.killOnExit);
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Where the SASL_SSL listener is (only on a broker from {@link #startSecured}). */
    public String secureBootstrapServers() {
        requireSecured();
        return "127.0.0.1:" + securePort;
    }

    /** {@link #clientSettings()} for the SASL_SSL listener, logged in as {@code user}. */
    public KafkaClientSettings secureClientSettings(String user) {
        requireSecured();
        return new KafkaClientSettings(secureBootstrapServers(), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), secure.clientSecurity(user));
    }

    private void requireSecured() {
        if (secure == null) {
            throw new IllegalStateException("this test broker has no SASL_SSL listener; start it with startSecured");
        }
    }

    /**
     * Client settings for code under test: short timeouts, so that while a test keeps the broker
     * down publishing fails within seconds and is retried, as it would be in production after 30 s.
     */
    public KafkaClientSettings clientSettings() {
        return new KafkaClientSettings(bootstrapServers(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on its ports with its data; returns once it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlogback.configurationFile=" + directory.resolve("logback-broker.xml"));
        process = launch(options, "kafka.Kafka", properties.toString());
        awaitAnswering();
        LOG.info("Kafka test broker answering on {} after {} ms", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /** Shuts the broker down gracefully (SIGTERM) and waits until the process is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit();
    }

    /** Ends the broker abruptly (SIGKILL), like a crash or a pulled plug. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit();
    }

    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Stops the broker and deletes its data. */
    @Override
    public synchronized void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing left to unregister
        }
        deleteRecursively(directory);
        if (secure != null) {
            deleteRecursively(secure.directory());
        }
    }

    private void format() {
        List<String> arguments = new ArrayList<>(List.of(
                "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
        if (secure != null) {
            arguments.addAll(secure.formatArguments());
        }
        Process formatting = launch(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-Dlogback.configurationFile=" + directory.resolve("logback-broker.xml")),
                "kafka.tools.StorageTool", arguments.toArray(String[]::new));
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory failed:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka log directory", e);
        }
    }

    private Process launch(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The test JVM's class path holds the broker's jars (test scope). Under Surefire/Failsafe it
        // may be a single manifest-only jar; the child JVM follows its Class-Path just the same.
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass, e);
        }
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka test broker exited with "
                            + process.exitValue() + ":\n" + logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // still starting
                }
                if (System.nanoTime() > deadline) {
                    destroyQuietly();
                    throw new IllegalStateException("the Kafka test broker did not answer within "
                            + START_TIMEOUT + ":\n" + logTail());
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka test broker", e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Kafka test broker did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private void destroyQuietly() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e + ")";
        }
    }

    private static String serverProperties(Path data, int port, int controllerPort, ScramTlsListener secure, int securePort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", data.toString());
        // A single node: internal topics cannot be replicated, and need not be large.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "5");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "5");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a kill, the controller waits for the dead incarnation's session to lapse before the
        // restarted broker may register; keep that wait short.
        props.setProperty("broker.heartbeat.interval.ms", "500");
        props.setProperty("broker.session.timeout.ms", "2000");
        props.setProperty("num.partitions", "1");
        // Code under test must create its topics (the apps do, with KafkaTopicCreator).
        props.setProperty("auto.create.topics.enable", "false");
        if (secure != null) {
            String listener = ScramTlsListener.LISTENER + "://127.0.0.1:" + securePort;
            props.setProperty("listeners", props.getProperty("listeners") + "," + listener);
            props.setProperty("advertised.listeners", props.getProperty("advertised.listeners") + "," + listener);
            props.setProperty("listener.security.protocol.map",
                    props.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
            secure.serverProperties().forEach(props::setProperty);
        }
        StringBuilder text = new StringBuilder();
        props.stringPropertyNames().stream().sorted()
                .forEach(name -> text.append(name).append('=').append(props.getProperty(name)).append('\n'));
        return text.toString();
    }

    private static String brokerLogging(Path logFile) {
        return """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="FILE"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                </configuration>
                """.formatted(logFile);
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }
}
