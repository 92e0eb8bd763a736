package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.contract.WebhookFixtures;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DeliveryAttempt.Outcome;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetrySchedule;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each outcome of an attempt means, on the in-memory stores with a scripted sender (the real
 * sender is tested against real receivers in adapters-webhooks).
 */
class WebhookDeliveryServiceTest {
    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final Deque<SendOutcome> answers = new ArrayDeque<>();
    private final List<WebhookEndpoint> alerted = new ArrayList<>();
    private final WebhookDeliveryService service = new WebhookDeliveryService(database, database, database,
            (endpoint, message, now) -> answers.removeFirst(), alerted::add,
            new WebhookDeliveryService.Policy(RetrySchedule.standard(), Duration.ofDays(5), Duration.ofMinutes(1)),
            clock, new Random(1));
    private final WebhookEndpoint endpoint = WebhookFixtures.endpoint(Fixtures.newId());

    WebhookDeliveryServiceTest() {
        database.insert(endpoint, 10);
        database.enqueue(List.of(WebhookFixtures.delivery(endpoint, WebhookFixtures.message("VF000000001"), Fixtures.T0)));
    }

    private ScheduledDelivery claimWhenDue() {
        for (int i = 0; i < 10_000; i++) {
            List<ScheduledDelivery> due = service.claimDue(1, Set.of());
            if (!due.isEmpty()) {
                return due.get(0);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("nothing came due");
    }

    private List<Outcome> outcomes() {
        return database.recent(endpoint.id(), 100).stream().map(DeliveryAttempt::outcome).toList();
    }

    @Test
    void aFinalClientErrorEndsTheDeliveryAtOnce() {
        answers.add(SendOutcome.answered(404, Duration.ofMillis(3), "no such hook"));

        service.attempt(claimWhenDue());

        assertThat(outcomes()).containsExactly(Outcome.FAILED);
        clock.advance(Duration.ofHours(2));
        assertThat(service.claimDue(10, Set.of())).isEmpty();
        assertThat(database.find(endpoint.id()).orElseThrow().health()).isInstanceOf(EndpointHealth.Failing.class);
    }

    @Test
    void retriesUntilTheWindowIsOverThenGivesUp() {
        int attempts = 0;
        while (true) {
            ScheduledDelivery due;
            List<ScheduledDelivery> claimed = List.of();
            for (int i = 0; i < 100_000 && claimed.isEmpty(); i++) {
                claimed = service.claimDue(1, Set.of());
                if (claimed.isEmpty()) {
                    clock.advance(Duration.ofSeconds(30));
                }
            }
            if (claimed.isEmpty()) {
                break;
            }
            due = claimed.get(0);
            answers.add(SendOutcome.unanswered(Duration.ofSeconds(15), "timed out"));
            service.attempt(due);
            attempts++;
            if (outcomes().get(0) == Outcome.GAVE_UP) {
                break;
            }
        }

        assertThat(outcomes().get(0)).isEqualTo(Outcome.GAVE_UP);
        assertThat(Duration.between(Fixtures.T0, clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(attempts).isGreaterThan(10);
        assertThat(alerted).as("a day of failures is not yet days").isEmpty();
    }

    @Test
    void aSuccessAfterFailuresMakesTheEndpointHealthyAgain() {
        answers.add(SendOutcome.answered(503, Duration.ofMillis(3), ""));
        service.attempt(claimWhenDue());
        assertThat(database.find(endpoint.id()).orElseThrow().health()).isInstanceOf(EndpointHealth.Failing.class);

        answers.add(SendOutcome.answered(200, Duration.ofMillis(3), ""));
        ScheduledDelivery retry = claimWhenDue();
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(Duration.between(Fixtures.T0, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(10));
        service.attempt(retry);

        assertThat(outcomes()).containsExactly(Outcome.DELIVERED, Outcome.RETRYING);
        assertThat(database.find(endpoint.id()).orElseThrow().health()).isEqualTo(EndpointHealth.healthy());
    }

    @Test
    void aRefusedDestinationIsNotRetried() {
        answers.add(SendOutcome.refused("10.0.0.1 is a private network address"));

        service.attempt(claimWhenDue());

        assertThat(database.recent(endpoint.id(), 1)).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(attempt.error()).startsWith("destination refused:");
        });
    }
}
