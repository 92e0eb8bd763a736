package io.parceltrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.SendOutcome.Verdict;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.webhooks.TestReceiver.Answer;
import io.parceltrack.webhooks.TestReceiver.Received;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sender against a real HTTP receiver: what it sends, how it reads answers, where it refuses to go. */
class HttpWebhookSenderIT {
    private final TestReceiver receiver = new TestReceiver();
    private final HttpWebhookSender local = sender(Endpoints.LOCAL_TRIALS);

    HttpWebhookSenderIT() throws Exception {}

    private static HttpWebhookSender sender(DestinationRules rules) {
        return new HttpWebhookSender(WebhookSenderSettings.defaults().withRules(rules)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3))).start();
    }

    @AfterEach
    void stop() {
        local.close();
        receiver.close();
    }

    private static WebhookMessage message() {
        return WebhookMessage.test(MessageId.random(Endpoints.RANDOM), WebhookEndpointId.random(Endpoints.RANDOM), Instant.now());
    }

    @Test
    void postsTheBodyAsJsonSignedSoThatAReceiverFollowingTheSpecificationAcceptsIt() throws Exception {
        WebhookEndpoint endpoint = Endpoints.at(receiver.url("/hook?source=parceltrack"));
        WebhookMessage message = message();

        SendOutcome outcome = local.send(endpoint, message, Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.DELIVERED);
        assertThat(outcome.statusCode()).isEqualTo(200);
        Received request = receiver.received("/hook").get(0);
        assertThat(request.body()).isEqualTo(message.body());
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("webhook-id")).isEqualTo(message.id().value());
        assertThat(request.header("User-Agent")).isEqualTo(HttpWebhookSender.USER_AGENT);
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret().value(), request)).isTrue();
        String otherSecret = WebhookSecret.generate(Endpoints.RANDOM).value();
        assertThat(StandardWebhooksVerifier.verifies(otherSecret, request)).as("another secret must not verify").isFalse();
    }

    @Test
    void signsWithTheOldSecretTooWhileItIsInItsGracePeriodAndNoLonger() throws Exception {
        WebhookSecret old = WebhookSecret.generate(Endpoints.RANDOM);
        Instant now = Instant.now();
        WebhookEndpoint rotated = Endpoints.at(receiver.url("/hook"), List.of(new RetiredSecret(old, now.plusSeconds(60))));

        local.send(rotated, message(), now);
        local.send(rotated, message(), now.plusSeconds(61));

        List<Received> requests = receiver.received("/hook");
        assertThat(StandardWebhooksVerifier.verifies(rotated.secret().value(), requests.get(0))).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(old.value(), requests.get(0))).isTrue();
        assertThat(requests.get(0).header("webhook-signature").split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(rotated.secret().value(), requests.get(1))).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(old.value(), requests.get(1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429, 302})
    void callsAnswersWorthRetryingRetryable(int status) {
        receiver.answer("/hook", n -> Answer.status(status));

        SendOutcome outcome = local.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(outcome.statusCode()).isEqualTo(status);
        assertThat(outcome.error()).startsWith("answered " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void callsOtherClientErrorsFinal(int status) {
        receiver.answer("/hook", n -> Answer.status(status));

        SendOutcome outcome = local.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FINAL);
    }

    @Test
    void neverFollowsARedirect() {
        receiver.answer("/hook", n -> new Answer(307, Duration.ZERO, ""));
        receiver.answer("/elsewhere", n -> Answer.status(200));

        SendOutcome outcome = local.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

        assertThat(outcome.statusCode()).isEqualTo(307);
        assertThat(receiver.received("/elsewhere")).isEmpty();
    }

    @Test
    void readsOnlyTheStartOfALargeAnswerAndKeepsItPrintable() {
        String huge = "\u0007oops " + "x".repeat(2_000_000);
        receiver.answer("/hook", n -> new Answer(500, Duration.ZERO, huge));

        SendOutcome outcome = local.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

        assertThat(outcome.statusCode()).isEqualTo(500);
        assertThat(outcome.error()).startsWith("answered 500: oops xxx").hasSizeLessThanOrEqualTo(SendOutcome.MAX_ERROR_CHARS);
    }

    @Test
    void givesUpOnAReceiverThatDoesNotAnswerInTime() {
        receiver.answer("/hook", n -> Answer.slow(200, Duration.ofSeconds(6)));

        SendOutcome outcome = local.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(outcome.statusCode()).isEqualTo(SendOutcome.NO_STATUS);
        assertThat(outcome.error()).contains("timed out");
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void reportsAReceiverThatIsNotListening() throws Exception {
        int closedPort;
        try (TestReceiver gone = new TestReceiver()) {
            closedPort = gone.port();
        }

        SendOutcome outcome = local.send(Endpoints.at("http://127.0.0.1:" + closedPort + "/hook"), message(), Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(outcome.error()).startsWith("could not connect");
    }

    // --- where it refuses to go

    @Test
    void refusesPlainHttpUnlessAllowed() {
        try (HttpWebhookSender strict = sender(new DestinationRules(false, true))) {
            SendOutcome outcome = strict.send(Endpoints.at(receiver.url("/hook")), message(), Instant.now());

            assertThat(outcome.verdict()).isEqualTo(Verdict.FINAL);
            assertThat(outcome.error()).contains("plain http://");
        }
        assertThat(receiver.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "10.1.2.3", "192.168.0.10", "172.16.5.4",
            "169.254.169.254", "[fe80::1]", "[fd00::1]", "0.0.0.0", "100.64.0.1"})
    void refusesPrivateLoopbackAndLinkLocalAddressesUnlessAllowed(String host) {
        try (HttpWebhookSender noPrivate = sender(new DestinationRules(true, false))) {
            SendOutcome outcome = noPrivate.send(Endpoints.at("http://" + host + ":" + receiver.port() + "/hook"),
                    message(), Instant.now());

            assertThat(outcome.verdict()).isEqualTo(Verdict.FINAL);
            assertThat(outcome.error()).startsWith("destination refused:");
        }
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddressJudgingTheResolvedAddress() throws Exception {
        // This machine's own name resolves (through /etc/hosts) to one of its own, non-public addresses.
        String hostName = InetAddress.getLocalHost().getHostName();
        InetAddress[] resolved = InetAddress.getAllByName(hostName);
        assertThat(resolved).allSatisfy(address -> assertThat(
                DestinationRules.strict().refusal(address)).as(address + " is not public").isPresent());

        try (HttpWebhookSender noPrivate = sender(new DestinationRules(true, false))) {
            SendOutcome outcome = noPrivate.send(Endpoints.at("http://" + hostName + ":" + receiver.port() + "/hook"),
                    message(), Instant.now());

            assertThat(outcome.verdict()).isEqualTo(Verdict.FINAL);
            assertThat(outcome.error()).startsWith("destination refused:").contains(resolved[0].getHostAddress());
        }
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void reportsAnUnknownHostAsWorthRetrying() {
        SendOutcome outcome = local.send(Endpoints.at("http://no-such-host.invalid/hook"), message(), Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(outcome.error()).contains("not found");
    }
}
