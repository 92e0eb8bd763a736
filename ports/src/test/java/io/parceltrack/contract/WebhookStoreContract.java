package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DeliveryAttempt.Outcome;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.port.trace.TraceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the webhook stores must do: endpoints bounded per manager, a schedule that owes each message
 * once, hands out only the head of each endpoint's parcel lane and leases what it hands out, and an
 * attempt log that goes with its endpoint. Extend it and return ports over an empty database.
 */
public abstract class WebhookStoreContract {
    private static final Instant LEASE_END = T0.plusSeconds(60);

    protected WebhookPorts ports;

    protected abstract WebhookPorts newWebhookPorts();

    @BeforeEach
    void createPorts() {
        ports = newWebhookPorts();
    }

    private WebhookEndpoint stored(TelegramId manager) {
        WebhookEndpoint endpoint = WebhookFixtures.endpoint(manager);
        assertThat(ports.endpoints().insert(endpoint, 10)).isTrue();
        return endpoint;
    }

    private List<ScheduledDelivery> claim(Instant now, int limit) {
        return ports.schedule().claimDue(now, LEASE_END, limit, Set.of());
    }

    // --- notices of disabled endpoints

    private WebhookEndpoint disabled(Instant at) {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        EndpointHealth health = new EndpointHealth.Disabled(at, "every attempt failed");
        assertThat(ports.endpoints().updateHealth(endpoint.id(), health)).isTrue();
        return endpoint.withHealth(health);
    }

    private List<WebhookEndpointId> untold() {
        return ports.endpoints().findDisabledUntold(100).stream().map(WebhookEndpoint::id).toList();
    }

    @Test
    void owesANoticeForEachDisabledEndpointEarliestFirstUntilTheManagerWasTold() {
        WebhookEndpoint later = disabled(T0.plusSeconds(30));
        WebhookEndpoint earlier = disabled(T0.plusSeconds(10));
        WebhookEndpoint failing = stored(Fixtures.newId());
        ports.endpoints().updateHealth(failing.id(), new EndpointHealth.Failing(T0, "answered 500"));
        stored(Fixtures.newId());

        assertThat(untold()).containsExactly(earlier.id(), later.id());
        assertThat(ports.endpoints().findDisabledUntold(1)).extracting(WebhookEndpoint::id).containsExactly(earlier.id());
        assertThat(ports.endpoints().findDisabledUntold(100)).contains(earlier, later);

        assertThat(ports.endpoints().markManagerTold(earlier.id(), T0.plusSeconds(10), T0.plusSeconds(60))).isTrue();
        assertThat(ports.endpoints().markManagerTold(earlier.id(), T0.plusSeconds(10), T0.plusSeconds(70))).isTrue();

        assertThat(untold()).containsExactly(later.id());
    }

    @Test
    void tellingOfAnotherDisablingOrAnEndpointNotDisabledChangesNothing() {
        WebhookEndpoint endpoint = disabled(T0.plusSeconds(10));
        WebhookEndpoint healthy = stored(Fixtures.newId());

        assertThat(ports.endpoints().markManagerTold(endpoint.id(), T0.plusSeconds(11), T0.plusSeconds(60))).isFalse();
        assertThat(ports.endpoints().markManagerTold(healthy.id(), T0.plusSeconds(10), T0.plusSeconds(60))).isFalse();
        assertThat(ports.endpoints().markManagerTold(WebhookFixtures.endpoint(Fixtures.newId()).id(), T0, T0)).isFalse();

        assertThat(untold()).containsExactly(endpoint.id());
    }

    @Test
    void aNewHealthOwesTheNoticeOfTheNextDisablingAgain() {
        WebhookEndpoint endpoint = disabled(T0.plusSeconds(10));
        ports.endpoints().markManagerTold(endpoint.id(), T0.plusSeconds(10), T0.plusSeconds(20));

        ports.endpoints().updateHealth(endpoint.id(), EndpointHealth.healthy());
        assertThat(untold()).isEmpty();
        ports.endpoints().updateHealth(endpoint.id(), new EndpointHealth.Disabled(T0.plusSeconds(90), "again"));

        assertThat(untold()).containsExactly(endpoint.id());
    }

    // --- endpoints

    @Test
    void findsAStoredEndpointWithEveryField() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());

        assertThat(ports.endpoints().find(endpoint.id())).contains(endpoint);
    }

    @Test
    void keepsAManagerWithinTheLimitOfEndpointsEvenWhenRegistrationsRace() throws Exception {
        TelegramId manager = Fixtures.newId();

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(8,
                thread -> ports.endpoints().insert(WebhookFixtures.endpoint(manager), 3));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).filteredOn(inserted -> inserted).hasSize(3);
        assertThat(ports.endpoints().findByManager(manager)).hasSize(3);
    }

    @Test
    void listsOnlyAManagersOwnEndpointsOldestFirst() {
        TelegramId manager = Fixtures.newId();
        WebhookEndpoint newer = WebhookFixtures.endpoint(manager, T0.plusSeconds(10));
        WebhookEndpoint older = WebhookFixtures.endpoint(manager, T0);
        ports.endpoints().insert(newer, 10);
        ports.endpoints().insert(older, 10);
        stored(Fixtures.newId());

        assertThat(ports.endpoints().findByManager(manager)).containsExactly(older, newer);
    }

    @Test
    void rotatesSecretsAndRecordsHealthWithoutTouchingTheRest() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        WebhookSecret fresh = WebhookSecret.generate(new SecureRandom());
        List<RetiredSecret> retired = List.of(new RetiredSecret(endpoint.secret(), T0.plus(Duration.ofHours(24))));
        EndpointHealth failing = new EndpointHealth.Failing(T0, "answered 503");

        assertThat(ports.endpoints().updateSecrets(endpoint.id(), fresh, retired)).isTrue();
        assertThat(ports.endpoints().updateHealth(endpoint.id(), failing)).isTrue();

        WebhookEndpoint found = ports.endpoints().find(endpoint.id()).orElseThrow();
        assertThat(found.secret()).isEqualTo(fresh);
        assertThat(found.retiredSecrets()).isEqualTo(retired);
        assertThat(found.health()).isEqualTo(failing);
        assertThat(found.url()).isEqualTo(endpoint.url());
        assertThat(found.events()).isEqualTo(endpoint.events());

        EndpointHealth disabled = new EndpointHealth.Disabled(T0.plusSeconds(5), "failing for days");
        ports.endpoints().updateHealth(endpoint.id(), disabled);
        ports.endpoints().updateSecrets(endpoint.id(), fresh, List.of());
        assertThat(ports.endpoints().find(endpoint.id()).orElseThrow().health()).isEqualTo(disabled);
        assertThat(ports.endpoints().find(endpoint.id()).orElseThrow().retiredSecrets()).isEmpty();
    }

    @Test
    void reportsChangingOrDeletingAnAbsentEndpoint() {
        WebhookEndpoint never = WebhookFixtures.endpoint(Fixtures.newId());

        assertThat(ports.endpoints().updateHealth(never.id(), EndpointHealth.healthy())).isFalse();
        assertThat(ports.endpoints().updateSecrets(never.id(), never.secret(), List.of())).isFalse();
        assertThat(ports.endpoints().delete(never.id())).isFalse();
        assertThat(ports.endpoints().find(never.id())).isEmpty();
    }

    @Test
    void deletingAnEndpointDeletesWhatItWasOwedAndItsLog() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        ports.schedule().enqueue(List.of(WebhookFixtures.delivery(endpoint, WebhookFixtures.message("VF000000001"), T0)));
        ports.attempts().record(WebhookFixtures.attempt(endpoint.id(), 1, T0, Outcome.RETRYING));

        assertThat(ports.endpoints().delete(endpoint.id())).isTrue();

        assertThat(claim(T0.plusSeconds(1), 10)).isEmpty();
        assertThat(ports.attempts().recent(endpoint.id(), 10)).isEmpty();
    }

    // --- schedule

    @Test
    void owesEachMessageToAnEndpointOnceEvenAfterItWasDelivered() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        WebhookMessage message = WebhookFixtures.message("VF000000001");
        ScheduledDelivery delivery = WebhookFixtures.delivery(endpoint, message, T0);

        assertThat(ports.schedule().enqueue(List.of(delivery))).isEqualTo(1);
        assertThat(ports.schedule().enqueue(List.of(delivery))).isZero();
        ScheduledDelivery claimed = claim(T0, 10).get(0);
        ports.schedule().finish(claimed, T0);

        assertThat(ports.schedule().enqueue(List.of(delivery))).isZero();
        assertThat(claim(LEASE_END.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void handsOutWhatWasEnqueuedWithItsMessageIntact() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        WebhookMessage message = WebhookFixtures.message("VF000000001");
        ports.schedule().enqueue(List.of(WebhookFixtures.delivery(endpoint, message, T0)));

        List<ScheduledDelivery> claimed = claim(T0, 10);

        assertThat(claimed).singleElement().satisfies(delivery -> {
            assertThat(delivery.endpoint()).isEqualTo(endpoint.id());
            assertThat(delivery.message()).isEqualTo(message);
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.enqueuedAt()).isEqualTo(T0);
        });
    }

    @Test
    void keepsTheTraceADeliveryWasScheduledInThroughItsRetries() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        String traceparent = TraceContext.start().traceparent();
        ports.schedule().enqueue(List.of(
                ScheduledDelivery.fresh(endpoint.id(), WebhookFixtures.message("VF000000001"), T0, traceparent),
                ScheduledDelivery.fresh(endpoint.id(), WebhookFixtures.message("VF000000002"), T0, null)));

        List<ScheduledDelivery> first = claim(T0, 10);
        assertThat(first).extracting(ScheduledDelivery::trace).containsExactlyInAnyOrder(traceparent, null);
        ScheduledDelivery traced = first.stream().filter(delivery -> delivery.trace() != null).findFirst().orElseThrow();
        ports.schedule().retryAt(traced, T0.plusSeconds(5));
        first.stream().filter(delivery -> delivery.trace() == null).forEach(delivery -> ports.schedule().finish(delivery, T0));

        assertThat(claim(T0.plusSeconds(5), 10)).singleElement().satisfies(retried -> {
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.trace()).isEqualTo(traceparent);
        });
    }

    @Test
    void dropsDeliveriesForAnEndpointThatIsGone() {
        WebhookEndpoint gone = WebhookFixtures.endpoint(Fixtures.newId());

        assertThat(ports.schedule().enqueue(List.of(WebhookFixtures.delivery(gone, WebhookFixtures.message("VF000000001"), T0))))
                .isZero();
        assertThat(claim(T0, 10)).isEmpty();
    }

    @Test
    void handsOutOneParcelsWebhooksToAnEndpointOneAtATimeInOrder() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        WebhookMessage first = WebhookFixtures.message("VF000000001");
        WebhookMessage second = WebhookFixtures.message("VF000000001");
        WebhookMessage otherParcel = WebhookFixtures.message("VF000000002");
        ports.schedule().enqueue(List.of(WebhookFixtures.delivery(endpoint, first, T0),
                WebhookFixtures.delivery(endpoint, second, T0), WebhookFixtures.delivery(endpoint, otherParcel, T0)));

        List<ScheduledDelivery> firstRound = claim(T0, 10);
        assertThat(firstRound).extracting(ScheduledDelivery::message).containsExactlyInAnyOrder(first, otherParcel);

        ScheduledDelivery head = firstRound.stream().filter(d -> d.message().equals(first)).findFirst().orElseThrow();
        ports.schedule().retryAt(head, T0.plusSeconds(5));
        assertThat(claim(T0.plusSeconds(4), 10)).as("the head waits for its retry, and so does the next").isEmpty();

        List<ScheduledDelivery> retried = claim(T0.plusSeconds(5), 10);
        assertThat(retried).singleElement().satisfies(delivery -> {
            assertThat(delivery.message()).isEqualTo(first);
            assertThat(delivery.attempts()).isEqualTo(1);
        });
        ports.schedule().finish(retried.get(0), T0.plusSeconds(5));

        assertThat(claim(T0.plusSeconds(5), 10)).extracting(ScheduledDelivery::message).containsExactly(second);
    }

    @Test
    void leasesWhatItHandsOutUntilTheLeaseEnds() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        ports.schedule().enqueue(List.of(WebhookFixtures.delivery(endpoint, WebhookFixtures.message("VF000000001"), T0)));

        assertThat(claim(T0, 10)).hasSize(1);
        assertThat(claim(T0.plusSeconds(1), 10)).isEmpty();
        assertThat(claim(LEASE_END, 10)).as("a claimer that died leaves it due again").hasSize(1);
    }

    @Test
    void skipsEndpointsTheClaimerIsBusyWithAndKeepsToTheLimit() {
        WebhookEndpoint busy = stored(Fixtures.newId());
        WebhookEndpoint free = stored(Fixtures.newId());
        for (int i = 0; i < 3; i++) {
            ports.schedule().enqueue(List.of(
                    WebhookFixtures.delivery(busy, WebhookFixtures.message("VF00000000" + i), T0),
                    WebhookFixtures.delivery(free, WebhookFixtures.message("VF00000000" + i), T0)));
        }

        List<ScheduledDelivery> claimed = ports.schedule().claimDue(T0, LEASE_END, 2, Set.of(busy.id()));

        assertThat(claimed).hasSize(2).allSatisfy(delivery -> assertThat(delivery.endpoint()).isEqualTo(free.id()));
    }

    @Test
    void concurrentClaimersNeverShareADelivery() throws Exception {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        ports.schedule().enqueue(IntStream.range(0, 40)
                .mapToObj(i -> WebhookFixtures.delivery(endpoint, WebhookFixtures.message(String.format("VF%09d", i)), T0))
                .toList());

        Concurrently.Outcomes<List<ScheduledDelivery>> outcomes = Concurrently.run(4, thread -> claim(T0, 15));

        assertThat(outcomes.failures()).isEmpty();
        Set<Long> seen = new HashSet<>();
        outcomes.results().forEach(claimed -> claimed.forEach(delivery ->
                assertThat(seen.add(delivery.sequence())).as("claimed twice: " + delivery.sequence()).isTrue()));
        assertThat(seen).hasSize(40);
    }

    @Test
    void finishingAllOfAnEndpointLeavesOthersDue() {
        WebhookEndpoint disabled = stored(Fixtures.newId());
        WebhookEndpoint other = stored(Fixtures.newId());
        ports.schedule().enqueue(List.of(
                WebhookFixtures.delivery(disabled, WebhookFixtures.message("VF000000001"), T0),
                WebhookFixtures.delivery(disabled, WebhookFixtures.message("VF000000002"), T0),
                WebhookFixtures.delivery(other, WebhookFixtures.message("VF000000001"), T0)));

        assertThat(ports.schedule().finishAllOf(disabled.id(), T0)).isEqualTo(2);

        assertThat(claim(T0, 10)).extracting(ScheduledDelivery::endpoint).containsExactly(other.id());
    }

    @Test
    void forgetsFinishedDeliveriesSoTheirMessagesCouldBeOwedAgain() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        ScheduledDelivery delivery = WebhookFixtures.delivery(endpoint, WebhookFixtures.message("VF000000001"), T0);
        ports.schedule().enqueue(List.of(delivery));
        ports.schedule().enqueue(List.of(WebhookFixtures.delivery(endpoint, WebhookFixtures.message("VF000000002"), T0)));
        ports.schedule().finish(claim(T0, 1).get(0), T0);

        assertThat(ports.schedule().forgetFinishedBefore(T0)).isZero();
        assertThat(ports.schedule().forgetFinishedBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(ports.schedule().enqueue(List.of(delivery))).isEqualTo(1);
    }

    // --- attempt log

    @Test
    void listsAnEndpointsAttemptsNewestFirst() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        WebhookEndpoint other = stored(Fixtures.newId());
        DeliveryAttempt first = WebhookFixtures.attempt(endpoint.id(), 1, T0, Outcome.RETRYING);
        DeliveryAttempt second = WebhookFixtures.attempt(endpoint.id(), 2, T0.plusSeconds(5), Outcome.RETRYING);
        DeliveryAttempt third = WebhookFixtures.attempt(endpoint.id(), 3, T0.plusSeconds(30), Outcome.DELIVERED);
        List.of(first, second, third).forEach(ports.attempts()::record);
        ports.attempts().record(WebhookFixtures.attempt(other.id(), 1, T0, Outcome.DELIVERED));

        assertThat(ports.attempts().recent(endpoint.id(), 10)).containsExactly(third, second, first);
        assertThat(ports.attempts().recent(endpoint.id(), 2)).containsExactly(third, second);
    }

    @Test
    void forgetsOldAttempts() {
        WebhookEndpoint endpoint = stored(Fixtures.newId());
        DeliveryAttempt old = WebhookFixtures.attempt(endpoint.id(), 1, T0, Outcome.RETRYING);
        DeliveryAttempt recent = WebhookFixtures.attempt(endpoint.id(), 2, T0.plusSeconds(3600), Outcome.DELIVERED);
        ports.attempts().record(old);
        ports.attempts().record(recent);

        assertThat(ports.attempts().forgetBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(ports.attempts().recent(endpoint.id(), 10)).containsExactly(recent);
    }
}
