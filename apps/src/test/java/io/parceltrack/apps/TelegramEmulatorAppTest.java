package io.parceltrack.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.area.TelegramEndpoint;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code telegram-emulator} serves the Bot API with both bots registered under the tokens the bots
 * use when they have none of their own, and the bots then need no token.
 */
class TelegramEmulatorAppTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesBothBotsUnderTheTokensTokenlessBotsUse() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> environment = Map.of("PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(port),
                "PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", "fleet_user_bot",
                "PARCELTRACK_TELEGRAM_API_URL", "http://127.0.0.1:" + port);
        Lifecycle emulator = ParcelTrack.start(new TelegramEmulatorApp(), environment,
                new PrintStream(new ByteArrayOutputStream()), System.err);
        try {
            AppSettings settings = AppSettings.read(new SettingsReader(ConfigurationLoader.load(environment)));
            String userBotToken = TelegramEndpoint.configured(settings.telegram()).userBot().token();

            HttpResponse<String> me = get("http://127.0.0.1:" + port + "/bot" + userBotToken + "/getMe");
            HttpResponse<String> bots = get("http://127.0.0.1:" + port + "/control/bots");

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"ok\":true").contains("fleet_user_bot");
            assertThat(bots.statusCode()).isEqualTo(200);
            assertThat(bots.body()).contains("fleet_user_bot").contains("parceltrack_manager_bot");
        } finally {
            emulator.stop();
        }
    }

    @Test
    void botsPointedAtAnEmulatorNeedNoToken() {
        Map<String, String> environment = Map.of("PARCELTRACK_TELEGRAM_API_URL", "http://telegram-emulator:8090");

        assertThat(problems(new UserBotApp(), environment)).noneMatch(p -> p.contains("TOKEN"));
        assertThat(problems(new ManagerBotApp(), environment)).noneMatch(p -> p.contains("TOKEN"));
        assertThat(problems(new UserBotApp(), Map.of())).anyMatch(p -> p.startsWith("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN"));
    }

    @Test
    void refusesAHostThatIsNoAddress() {
        assertThat(problems(new TelegramEmulatorApp(), Map.of("PARCELTRACK_TELEGRAM_EMULATOR_HOST", "no such host.invalid")))
                .singleElement().asString().startsWith("PARCELTRACK_TELEGRAM_EMULATOR_HOST");
    }

    private static List<String> problems(App app, Map<String, String> environment) {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(environment));
        app.checkRequirements(AppSettings.read(reader), reader);
        return reader.problems();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
