package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
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
 * only: it has no authentication of its own.
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
     * Makes a bot known under its token (as BotFather would). The numeric part before the colon
     * becomes the bot's id. Registering the same token again returns the same bot.
     */
    public EmulatedBot registerBot(String token, String username) {
        Matcher matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a bot token looks like 123456:ABC-def_ghi");
        }
        EmulatedBot bot = botsByToken.computeIfAbsent(token,
                t -> new EmulatedBot(Long.parseLong(matcher.group(1)), username, limits));
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

    Optional<EmulatedBot> findBot(String username) {
        return Optional.ofNullable(botsByUsername.get(username));
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
    public synchronized TelegramEmulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("the emulator is running already");
        }
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every small answer.
        // The JDK server reads this once, when it is first used in the JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
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
                control.handle(exchange, path.substring("/control".length()), readParams(exchange));
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
                JsonNode result = call(bot, method, readParams(exchange));
                ObjectNode body = json.createObjectNode().put("ok", true);
                body.set("result", result);
                send(exchange, 200, body);
            } catch (BotApiError e) {
                sendBotError(exchange, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("emulator failed to handle a request", e);
        }
    }

    private JsonNode call(EmulatedBot bot, String method, JsonNode params) throws InterruptedException {
        return switch (method.toLowerCase()) {
            case "getme" -> bot.getMe();
            case "getupdates" -> bot.getUpdates(params);
            case "sendmessage" -> bot.sendMessage(params);
            case "editmessagetext" -> bot.editMessageText(params);
            case "editmessagereplymarkup" -> bot.editMessageReplyMarkup(params);
            case "answercallbackquery" -> bot.answerCallbackQuery(params);
            case "setmycommands" -> bot.setMyCommands(params);
            case "getmycommands" -> bot.getMyCommands(params);
            case "deletemycommands" -> bot.deleteMyCommands(params);
            case "deletewebhook", "close", "logout" -> json.getNodeFactory().booleanNode(true);
            case "getwebhookinfo" -> json.createObjectNode().put("url", "").put("has_custom_certificate", false)
                    .put("pending_update_count", 0);
            default -> throw BotApiError.notFound();
        };
    }

    /** Bot API parameters may come as query string, form fields or a JSON object; values may be JSON text. */
    private ObjectNode readParams(HttpExchange exchange) throws IOException {
        ObjectNode params = json.createObjectNode();
        addForm(params, exchange.getRequestURI().getRawQuery());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.contains("json") && !text.isBlank()) {
            JsonNode parsed;
            try {
                parsed = json.readTree(text);
            } catch (IOException e) {
                throw BotApiError.badRequest("request body is not valid JSON");
            }
            if (parsed instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (contentType.contains("x-www-form-urlencoded")) {
            addForm(params, text);
        }
        return params;
    }

    private void addForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            String trimmed = value.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    params.set(key, json.readTree(trimmed));
                    continue;
                } catch (IOException e) {
                    // not JSON after all: keep it as text
                }
            }
            params.put(key, value);
        }
    }

    private void sendBotError(HttpExchange exchange, BotApiError error) throws IOException {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", error.code())
                .put("description", error.description());
        if (error.retryAfterSeconds() != null) {
            body.set("parameters", json.createObjectNode().put("retry_after", error.retryAfterSeconds()));
        }
        send(exchange, error.code(), body);
    }

    void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
