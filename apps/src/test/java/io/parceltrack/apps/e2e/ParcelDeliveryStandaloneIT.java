package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The story on {@code java -jar parceltrack.jar standalone} with nothing external configured: data in
 * memory, events on the in-process bus, the bots on the built-in Telegram emulator. The test talks
 * to the process only as a person would: the emulator's control API and the REST API.
 * Log: {@code apps/target/e2e-logs/ParcelDeliveryStandaloneIT/standalone.log}.
 */
class ParcelDeliveryStandaloneIT extends ParcelDeliveryStory {
    private static final String DEMO_API_TOKEN = "e2e-demo-token-0123456789";

    private AppProcess standalone;
    private int emulatorPort;
    private String apiBase;
    private int[] grpcPorts;

    @BeforeAll
    void startStandalone() {
        int[] ports = FreePorts.take(6);
        int restApi = ports[0];
        emulatorPort = ports[1];
        apiBase = "http://127.0.0.1:" + restApi + "/api/v1";
        grpcPorts = new int[] {ports[3], ports[4], ports[5]};
        ParcelTrackJar jar = ParcelTrackJar.built();
        Path logs = jar.logDirectory(getClass().getSimpleName());
        standalone = jar.start("standalone", Map.ofEntries(
                        Map.entry("PARCELTRACK_LOGGING_FORMAT", "plain"),
                        Map.entry("PARCELTRACK_HTTP_HOST", "127.0.0.1"),
                        Map.entry("PARCELTRACK_HTTP_PORT", String.valueOf(restApi)),
                        Map.entry("PARCELTRACK_HTTP_PUBLIC_URL", "http://127.0.0.1:" + restApi),
                        Map.entry("PARCELTRACK_HEALTH_PORT", String.valueOf(ports[2])),
                        Map.entry("PARCELTRACK_GRPC_ACCOUNT_PORT", String.valueOf(ports[3])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(ports[4])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_USER_PORT", String.valueOf(ports[5])),
                        Map.entry("PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(emulatorPort)),
                        Map.entry("PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", USER_BOT),
                        Map.entry("PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME", MANAGER_BOT),
                        Map.entry("PARCELTRACK_DEMO_API_TOKEN", DEMO_API_TOKEN)),
                URI.create("http://127.0.0.1:" + restApi + "/health/ready"), logs.resolve("standalone.log"));
        try {
            standalone.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException | Error e) {
            standalone.kill();
            throw e;
        }
    }

    @AfterAll
    void killIfStillRunning() {
        killWhatStillRuns();
    }

    @Test
    @Order(2)
    void theDemoManagersTokenFromTheEnvironmentOpensTheApi() {
        ParcelApiClient demoManager = new ParcelApiClient(http, json, apiBase, DEMO_API_TOKEN);

        String trackNumber = demoManager.createsParcel("Demo parcel", "Ivan Petrov", "Moscow, Tverskaya 1");

        assertThat(demoManager.parcel(trackNumber).path("parcel_name").asText()).isEqualTo("Demo parcel");
    }

    /**
     * The first checkpoint was posted within a known trace: in standalone too, the in-process bus
     * carries it from the outbox to the fan-out and on to the delivery, whose lines carry its trace id.
     */
    @Test
    @Order(2)
    void theCheckpointsTraceIdReachesTheFanOutAndTheDeliveryOnTheInProcessBus() {
        String traced = "trace_id=" + checkpointTrace.traceId();
        assertThat(standalone.awaitLogLine(line -> line.contains(traced) && line.contains(" deliveries"), Duration.ofSeconds(20)))
                .as("the fan-out logs its line with " + traced + "; " + standalone.describeLog()).isTrue();
        assertThat(standalone.awaitLogLine(line -> line.contains(traced) && line.contains("delivery ") && line.contains(": SENT"),
                Duration.ofSeconds(20)))
                .as("the delivery logs its line with " + traced + "; " + standalone.describeLog()).isTrue();
    }

    @Test
    @Order(50) // before the story stops the process
    void servesNoGrpcEvenOnTheConfiguredPortsBecauseNothingCallsIt() {
        for (int port : grpcPorts) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("port " + port)
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(standalone.isAlive()).isTrue();
    }

    @Override
    URI trackingPage() {
        return URI.create(apiBase).resolve("/");
    }

    @Override
    URI emulator() {
        return URI.create("http://127.0.0.1:" + emulatorPort);
    }

    @Override
    List<AppProcess> processes() {
        return standalone == null ? List.of() : List.of(standalone);
    }
}
