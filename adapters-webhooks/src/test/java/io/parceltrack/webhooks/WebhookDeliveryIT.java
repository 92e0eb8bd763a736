package io.parceltrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DeliveryAttempt.Outcome;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.RetrySchedule;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.service.WebhookDeliveryService;
import io.parceltrack.service.WebhookDispatchWorker;
import io.parceltrack.webhooks.TestReceiver.Answer;
import io.parceltrack.webhooks.TestReceiver.Received;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery from the schedule to real receivers, with the real sender, worker and delivery service:
 * retries keep one webhook-id, a parcel's webhooks arrive in order, and a hanging receiver holds up
 * no other.
 */
class WebhookDeliveryIT {
    private static final RetrySchedule QUICK_RETRIES =
            new RetrySchedule(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofHours(24), 0.2);

    private final TestReceiver receiver = new TestReceiver();
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final List<WebhookEndpoint> disabled = new CopyOnWriteArrayList<>();
    private final HttpWebhookSender sender = new HttpWebhookSender(WebhookSenderSettings.defaults()
            .withRules(Endpoints.LOCAL_TRIALS)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3))).start();
    private final List<WebhookDispatchWorker> workers = new ArrayList<>();

    WebhookDeliveryIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        for (WebhookDispatchWorker worker : workers) {
            worker.stop(Duration.ofSeconds(10));
        }
        sender.close();
        receiver.close();
    }

    private WebhookDispatchWorker startWorker(RetrySchedule retries, Duration disableAfter, int senders) {
        WebhookDeliveryService service = new WebhookDeliveryService(database, database, database, sender, disabled::add,
                new WebhookDeliveryService.Policy(retries, disableAfter, Duration.ofSeconds(30)), Clock.systemUTC(),
                Endpoints.RANDOM);
        WebhookDispatchWorker worker = new WebhookDispatchWorker(service, senders, Duration.ofMillis(100)).start();
        workers.add(worker);
        return worker;
    }

    private WebhookEndpoint registered(String path) {
        WebhookEndpoint endpoint = Endpoints.at(receiver.url(path));
        database.insert(endpoint, 10);
        return endpoint;
    }

    private WebhookMessage enqueue(WebhookEndpoint endpoint, String trackNumber) {
        WebhookMessage message = new WebhookMessage(MessageId.random(Endpoints.RANDOM),
                WebhookEventType.CHECKPOINT_RECORDED.wireName(), trackNumber, Instant.now(),
                "{\"type\":\"checkpoint.recorded\",\"data\":{\"n\":\"" + Endpoints.RANDOM.nextLong() + "\"}}");
        database.enqueue(List.of(ScheduledDelivery.fresh(endpoint.id(), message, Instant.now())));
        return message;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anEndpointAnswering500TwiceThen200GetsTheWebhookThreeTimesWithOneId() throws Exception {
        receiver.answer("/flaky", n -> Answer.status(n <= 2 ? 500 : 200));
        WebhookEndpoint endpoint = registered("/flaky");
        // The standard schedule's first retry comes within 10 s, so someone trying it out sees it.
        assertThat(RetrySchedule.standard().firstDelay()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        startWorker(QUICK_RETRIES, Duration.ofDays(5), 4);

        WebhookMessage message = enqueue(endpoint, "VF000000001");
        await(Duration.ofSeconds(15), () -> database.recent(endpoint.id(), 10).size() == 3);

        List<Received> requests = receiver.received("/flaky");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(request -> request.header("webhook-id")).containsOnly(message.id().value());
        for (Received request : requests) {
            assertThat(StandardWebhooksVerifier.verifies(endpoint.secret().value(), request)).isTrue();
        }
        assertThat(database.recent(endpoint.id(), 10)).extracting(DeliveryAttempt::outcome)
                .containsExactly(Outcome.DELIVERED, Outcome.RETRYING, Outcome.RETRYING);
        assertThat(database.recent(endpoint.id(), 10)).extracting(DeliveryAttempt::statusCode)
                .containsExactly(200, 500, 500);
        assertThat(database.find(endpoint.id()).orElseThrow().health()).isEqualTo(EndpointHealth.healthy());
        Thread.sleep(500);
        assertThat(receiver.received("/flaky")).as("nothing after the success").hasSize(3);
    }

    @Test
    void aParcelsWebhooksReachAnEndpointInOrderEvenThroughFailures() throws Exception {
        receiver.answer("/ordered", n -> Answer.status(n % 3 == 1 ? 503 : 200));
        WebhookEndpoint endpoint = registered("/ordered");
        List<WebhookMessage> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(enqueue(endpoint, "VF000000001"));
        }
        startWorker(QUICK_RETRIES, Duration.ofDays(5), 4);

        await(Duration.ofSeconds(20), () -> database.recent(endpoint.id(), 100).stream()
                .filter(attempt -> attempt.outcome() == Outcome.DELIVERED).count() == 5);

        List<String> firstArrivals = new ArrayList<>();
        receiver.received("/ordered").stream().map(request -> request.header("webhook-id"))
                .filter(id -> !firstArrivals.contains(id)).forEach(firstArrivals::add);
        assertThat(firstArrivals).containsExactlyElementsOf(sent.stream().map(m -> m.id().value()).toList());
    }

    @Test
    void aHangingEndpointHoldsUpNoOtherEndpoint() throws Exception {
        receiver.answer("/hanging", n -> Answer.slow(200, Duration.ofSeconds(10)));
        WebhookEndpoint hanging = registered("/hanging");
        WebhookEndpoint quick = registered("/quick");
        for (int i = 0; i < 3; i++) {
            enqueue(hanging, "VF00000000" + i);
        }
        startWorker(QUICK_RETRIES, Duration.ofDays(5), 2);
        await(Duration.ofSeconds(2), () -> receiver.received("/hanging").size() == 1);

        Instant start = Instant.now();
        for (int i = 0; i < 5; i++) {
            enqueue(quick, "VF00000001" + i);
        }
        await(Duration.ofSeconds(3), () -> receiver.received("/quick").size() == 5);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(receiver.received("/hanging")).as("one at a time to the hanging endpoint").hasSize(1);
    }

    @Test
    void disablesAnEndpointThatKeepsFailingDropsWhatItWasOwedAndTellsItsManager() throws Exception {
        receiver.answer("/broken", n -> Answer.status(500));
        WebhookEndpoint broken = registered("/broken");
        enqueue(broken, "VF000000001");
        enqueue(broken, "VF000000002");
        startWorker(QUICK_RETRIES, Duration.ofMillis(500), 2);

        await(Duration.ofSeconds(15), () -> !disabled.isEmpty());

        assertThat(disabled).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.id()).isEqualTo(broken.id());
            assertThat(endpoint.health()).isInstanceOf(EndpointHealth.Disabled.class);
        });
        assertThat(database.find(broken.id()).orElseThrow().health().enabled()).isFalse();
        int requests = receiver.received("/broken").size();
        enqueue(broken, "VF000000003");
        Thread.sleep(1_000);
        assertThat(receiver.received("/broken")).as("nothing more once disabled").hasSize(requests);
    }
}
