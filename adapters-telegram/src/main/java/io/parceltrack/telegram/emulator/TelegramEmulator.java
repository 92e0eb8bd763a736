package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Telegram Bot API: bots talk to it over HTTP exactly as they talk to
 * Telegram ({@code /bot<token>/<method>}, JSON in, {@code {"ok":...}} out), and people are played
 * by tests or by a human through the control API under {@code /control} (see docs/BOTS.md).
 * Several bots can be registered at once, each with its own token. Binds to the loopback interface
 * unless told otherwise: it has no authentication of its own.
 */
public final class TelegramEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramEmulator.class);
    private static final Pattern BOT_PATH = Pattern.compile("/bot([0-9]{1,20}:[A-Za-z0-9_-]{1,200})/([A-Za-z]+)");
    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,20}):[A-Za-z0-9_-]{1,200}");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, EmulatedBot> botsByToken = new ConcurrentHashMap<>();
    private final Map<String, EmulatedBot> botsByUsername = new ConcurrentHashMap<>();
    private final ControlApi control;
    private volatile EmulatorLimits limits;
    private volatile People people = People.inMemory();
    private HttpServer server;
    private ExecutorService executor;

    public TelegramEmulator() {
        this(EmulatorLimits.off());
    }

    public TelegramEmulator(EmulatorLimits limits) {
        this.limits = limits;
        this.control = new ControlApi(this, json);
    }

    /**
     * Remembers who is behind each chat (name, Telegram language) in {@code file} from now on, and
     * recalls the people it already holds: a restarted emulator then introduces them as before.
     * Call before registering bots.
     */
    public TelegramEmulator rememberPeopleIn(Path file) {
        if (!botsByToken.isEmpty()) {
            throw new IllegalStateException("choose where people are remembered before registering bots");
        }
        this.people = People.inFile(file);
        return this;
    }

    /**
     * Makes a bot known under its token (as BotFather would). The numeric part before the colon
     * becomes the bot's id. Registering the same token again returns the same bot.
     */
    public EmulatedBot registerBot(String token, String username) {
        Matcher matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a bot token looks like 123456:ABC-def_ghi");
        }
        EmulatedBot bot = botsByToken.computeIfAbsent(token,
                t -> new EmulatedBot(Long.parseLong(matcher.group(1)), username, limits, people));
        botsByUsername.putIfAbsent(bot.username(), bot);
        return bot;
    }

    /** A registered bot by its username. */
    public EmulatedBot bot(String username) {
        EmulatedBot bot = botsByUsername.get(username);
        if (bot == null) {
            throw new NoSuchElementException("no emulated bot @" + username);
        }
        return bot;
    }

    List<EmulatedBot> bots() {
        return List.copyOf(botsByUsername.values());
    }

    /** New limits for every bot, registered or to come. */
    public void setLimits(EmulatorLimits limits) {
        this.limits = limits;
        botsByToken.values().forEach(bot -> bot.setLimits(limits));
    }

    /** Starts serving on 127.0.0.1; port 0 picks a free one (see {@link #port()}). */
    public TelegramEmulator start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts serving on {@code host}: another interface than the loopback only for an emulator that
     * other machines of a private network (a compose project) must reach, as it has no authentication.
     */
    public synchronized TelegramEmulator start(InetAddress host, int port) {
        if (server != null) {
            throw new IllegalStateException("the emulator is running already");
        }
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every small answer.
        // The JDK server reads this once, when it is first used in the JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host.getHostAddress() + " port " + port, e);
        }
        // Long polls hold a thread each for their whole timeout, so the pool must grow with them.
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "telegram-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Telegram Bot API emulator listening on {}", baseUrl());
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not running");
        }
        return server.getAddress().getPort();
    }

    /** What a bot's Telegram URL setting should be to talk to this emulator. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Ends waiting long polls, then stops serving. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        botsByToken.values().forEach(EmulatedBot::close);
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        LOG.info("Telegram Bot API emulator stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/control/") || path.equals("/control")) {
                handleControl(exchange, path.substring("/control".length()));
                return;
            }
            Matcher matcher = BOT_PATH.matcher(path);
            if (!matcher.matches()) {
                sendBotError(exchange, BotApiError.notFound());
                return;
            }
            EmulatedBot bot = botsByToken.get(matcher.group(1));
            String method = matcher.group(2);
            LOG.debug("bot api call /bot***/{}", method);
            if (bot == null) {
                sendBotError(exchange, BotApiError.unauthorized());
                return;
            }
            try {
                JsonNode result = BotApi.call(bot, method, RequestParams.read(exchange, json));
                ObjectNode body = json.createObjectNode().put("ok", true);
                body.set("result", result);
                send(exchange, 200, body);
            } catch (BotApiError e) {
                sendBotError(exchange, e);
            } catch (IllegalArgumentException e) {
                sendBotError(exchange, BotApiError.badRequest(e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("emulator failed to handle a request", e);
        }
    }

    private void handleControl(HttpExchange exchange, String route) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            JsonNode result = control.route(method, route, RequestParams.read(exchange, json));
            if (result == null) {
                send(exchange, 404, error("no such control route: " + method + " " + route));
            } else {
                send(exchange, 200, result);
            }
        } catch (NoSuchElementException e) {
            send(exchange, 404, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error(e.getMessage()));
        }
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void sendBotError(HttpExchange exchange, BotApiError error) throws IOException {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", error.code())
                .put("description", error.description());
        if (error.retryAfterSeconds() != null) {
            body.set("parameters", json.createObjectNode().put("retry_after", error.retryAfterSeconds()));
        }
        send(exchange, error.code(), body);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
