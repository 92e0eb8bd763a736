package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/webhooks} over real HTTP: what managers register, see, rotate, test and read back. */
class WebhookRoutesIT {
    @RegisterExtension
    static final RunningApi API = RunningApi.start();

    private final HttpCalls http = new HttpCalls(API);
    private final String token = API.newManagerToken();

    private static WebhookEndpointId idOf(String path) {
        return WebhookEndpointId.parse("id", path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void showsTheSigningSecretOnlyWhenTheEndpointIsCreated() {
        HttpResponse<String> created = http.post("/api/v1/webhooks",
                "{\"url\":\"https://hooks.shop.example/in\",\"events\":[\"parcel.deleted\",\"checkpoint.recorded\"]}")
                .token(token).send();

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("secret").asText()).startsWith("whsec_");
        assertThat(body.get("status").asText()).isEqualTo("enabled");
        assertThat(body.get("events")).extracting(JsonNode::asText).containsExactly("checkpoint.recorded", "parcel.deleted");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/webhooks/" + body.get("id").asText());

        JsonNode read = json(http.get(location).token(token).send());
        assertThat(read.get("url").asText()).isEqualTo("https://hooks.shop.example/in");
        assertThat(read.get("secret").isNull()).isTrue();
        assertThat(json(http.get("/api/v1/webhooks").token(token).send()))
                .singleElement().satisfies(listed -> assertThat(listed.get("secret").isNull()).isTrue());
    }

    @Test
    void namesEveryProblemWithARegistration() {
        HttpResponse<String> refused = http.post("/api/v1/webhooks",
                "{\"url\":\"http://169.254.169.254/latest/meta-data\",\"events\":[\"parcel.exploded\"],\"colour\":\"red\"}")
                .token(token).send();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("url", "events", "colour");
        assertThat(refused.body()).contains("https://");
    }

    @Test
    void refusesAnInternalAddressEvenOverHttps() {
        HttpResponse<String> refused = http.post("/api/v1/webhooks",
                "{\"url\":\"https://[::ffff:10.0.0.7]/hook\",\"events\":[\"checkpoint.recorded\"]}").token(token).send();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("public addresses only");
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyCreatesOneEndpoint() {
        String body = "{\"url\":\"https://hooks.shop.example/once\",\"events\":[\"checkpoint.recorded\"]}";

        HttpResponse<String> first = http.post("/api/v1/webhooks", body).token(token).header("Idempotency-Key", "k-1").send();
        HttpResponse<String> retry = http.post("/api/v1/webhooks", body).token(token).header("Idempotency-Key", "k-1").send();

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(json(http.get("/api/v1/webhooks").token(token).send())).hasSize(1);
    }

    @Test
    void rotatingGivesANewSecretAndSaysUntilWhenTheOldOneSigns() {
        String path = WebhookScenarios.register(http, token);
        String before = API.webhookDatabase.find(idOf(path)).orElseThrow().secret().value();

        HttpResponse<String> rotated = http.method("POST", path + "/rotate-secret").token(token).send();

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode body = json(rotated);
        assertThat(body.get("secret").asText()).startsWith("whsec_").isNotEqualTo(before);
        assertThat(Instant.parse(body.get("previous_secret_valid_until").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void keepsOtherManagersAwayFromAnEndpointAndForgetsADeletedOne() {
        String path = WebhookScenarios.register(http, token);
        String stranger = API.newManagerToken();

        assertThat(http.get(path).token(stranger).send().statusCode()).isEqualTo(403);
        assertThat(http.delete(path).token(stranger).send().statusCode()).isEqualTo(403);
        assertThat(http.delete(path).token(token).send().statusCode()).isEqualTo(204);
        assertThat(http.get(path).token(token).send().statusCode()).isEqualTo(404);
    }

    @Test
    void queuesATestWebhookAndListsDeliveryAttemptsNewestFirst() {
        String path = WebhookScenarios.register(http, token);
        WebhookEndpointId id = idOf(path);

        HttpResponse<String> queued = http.method("POST", path + "/test").token(token).send();

        assertThat(queued.statusCode()).isEqualTo(202);
        String messageId = json(queued).get("message_id").asText();
        assertThat(API.webhookDatabase.claimDue(Instant.now(), Instant.now().plusSeconds(60), 10, Set.of()))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.message().id().value()).isEqualTo(messageId);
                    assertThat(delivery.message().type()).isEqualTo("webhook.test");
                });

        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        API.webhookDatabase.record(new DeliveryAttempt(id, new MessageId(messageId), "webhook.test", 1, at, 0,
                Duration.ofMillis(5001), "no answer within 15 s", DeliveryAttempt.Outcome.RETRYING));
        API.webhookDatabase.record(new DeliveryAttempt(id, new MessageId(messageId), "webhook.test", 2, at.plusSeconds(5),
                204, Duration.ofMillis(12), "", DeliveryAttempt.Outcome.DELIVERED));

        JsonNode deliveries = json(http.get(path + "/deliveries?limit=10").token(token).send());
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).get("outcome").asText()).isEqualTo("delivered");
        assertThat(deliveries.get(0).get("status_code").asInt()).isEqualTo(204);
        assertThat(deliveries.get(0).get("error").isNull()).isTrue();
        assertThat(deliveries.get(1).get("status_code").isNull()).isTrue();
        assertThat(deliveries.get(1).get("latency_ms").asLong()).isEqualTo(5001);
        assertThat(deliveries.get(1).get("error").asText()).isEqualTo("no answer within 15 s");
        assertThat(http.get(path + "/deliveries?limit=0").token(token).send().statusCode()).isEqualTo(400);
        assertThat(http.get(path + "/deliveries?page=2").token(token).send().statusCode()).isEqualTo(400);
        assertThat(List.of(deliveries.get(0).get("message_id").asText())).containsExactly(messageId);
    }
}
