package io.parceltrack.grpc;

import static io.parceltrack.grpc.WireErrors.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.proto.webhooks.manager.ListWebhookDeliveriesRequest;
import io.parceltrack.proto.webhooks.manager.ManagerWebhooksGrpc;
import io.parceltrack.proto.webhooks.manager.MarkEndpointDisabledNoticeGivenRequest;
import io.parceltrack.service.WebhookEndpointService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ManagerWebhooks RPCs, over a socket, against the real service in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerWebhooksGrpcIT {
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final WebhookEndpointService service = new WebhookEndpointService(DestinationRules.strict(), database,
            database, database, new WebhookEndpointService.Limits(10, Duration.ofHours(24)), Clock.systemUTC(),
            new SecureRandom(), () -> {});
    private final RunningGrpcServer server = new RunningGrpcServer(List.of(new ManagerWebhooksGrpcService(service)));
    private final ManagerWebhooksGrpcClient client = new ManagerWebhooksGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
    private final ManagerWebhooksGrpc.ManagerWebhooksBlockingStub raw =
            ManagerWebhooksGrpc.newBlockingStub(server.channel).withDeadlineAfter(Duration.ofMinutes(1));
    private final TelegramId manager = Fixtures.newId();

    @AfterAll
    void stop() {
        server.close();
    }

    private WebhookEndpoint register(TelegramId owner, String url, String... events) {
        return service.register(RegisterWebhookCommand.parse(owner, url, List.of(events), service.destinationRules()));
    }

    @Test
    void listsTheManagersEndpointsWithTheirHealthAndWithoutSecrets() {
        WebhookEndpoint healthy = register(manager, "https://hooks.shop.example/in?key=a%20b", "checkpoint.recorded",
                "parcel.deleted");
        WebhookEndpoint failing = register(manager, "https://[2001:db8::1]:8443/hooks", "parcel.status_changed");
        WebhookEndpoint disabled = register(manager, "https://down.shop.example/", "parcel.deleted");
        register(Fixtures.newId(), "https://other.example/", "parcel.deleted");
        database.updateHealth(failing.id(), new EndpointHealth.Failing(Instant.parse("2026-03-01T10:00:00.123456789Z"),
                "answered 503: Сервис недоступен"));
        database.updateHealth(disabled.id(), new EndpointHealth.Disabled(Instant.parse("2026-03-05T10:00:00Z"),
                "every attempt failed"));

        List<WebhookEndpointView> listed = client.listEndpointViews(manager);

        assertThat(listed).containsExactlyElementsOf(service.listEndpointViews(manager));
        assertThat(listed).extracting(WebhookEndpointView::id).containsExactly(healthy.id(), failing.id(), disabled.id());
        assertThat(listed.get(1).health()).isInstanceOf(EndpointHealth.Failing.class);
        assertThat(listed.get(2).health()).isInstanceOf(EndpointHealth.Disabled.class);
        assertThat(raw.listWebhookEndpoints(io.parceltrack.proto.webhooks.manager.ListWebhookEndpointsRequest.newBuilder()
                .setManagerTelegramId(manager.value()).build()).toString())
                .doesNotContain(healthy.secret().value()).doesNotContain("whsec_");
        assertThat(client.listEndpointViews(Fixtures.newId())).isEmpty();
    }

    @Test
    void listsRecentDeliveriesNewestFirstWithinTheLimit() {
        WebhookEndpoint endpoint = register(manager, "https://hooks.shop.example/d", "checkpoint.recorded");
        DeliveryAttempt older = new DeliveryAttempt(endpoint.id(), MessageId.random(new SecureRandom()),
                "checkpoint.recorded", 1, Instant.parse("2026-03-01T10:00:00Z"), 0, Duration.ofMillis(5012),
                "connect timed out", DeliveryAttempt.Outcome.RETRYING);
        DeliveryAttempt newer = new DeliveryAttempt(endpoint.id(), older.message(), "checkpoint.recorded", 2,
                Instant.parse("2026-03-01T10:00:07.5Z"), 200, Duration.ofNanos(1_234_567), "",
                DeliveryAttempt.Outcome.DELIVERED);
        database.record(older);
        database.record(newer);

        assertThat(client.listDeliveries(manager, endpoint.id(), 10)).containsExactly(newer, older);
        assertThat(client.listDeliveries(manager, endpoint.id(), 1)).containsExactly(newer);
    }

    @Test
    void anotherManagersEndpointIsDeniedAndAnAbsentOneNotFound() {
        WebhookEndpoint foreign = register(Fixtures.newId(), "https://hooks.shop.example/f", "parcel.deleted");

        assertThatThrownBy(() -> client.listDeliveries(manager, foreign.id(), 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> client.listDeliveries(manager, WebhookEndpointId.random(new SecureRandom()), 10))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.listDeliveries(manager, foreign.id(), 101)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBadRequestNamesEveryBadField() {
        assertThat(invalidFields(() -> raw.listWebhookDeliveries(ListWebhookDeliveriesRequest.newBuilder()
                .setManagerTelegramId(0).setEndpointId("ep_nothex").setLimit(5).build())))
                .containsExactly("telegramId:MALFORMED", "endpoint_id:MALFORMED");
        assertThat(invalidFields(() -> raw.markEndpointDisabledNoticeGiven(
                MarkEndpointDisabledNoticeGivenRequest.newBuilder().setEndpointId("x").build())))
                .containsExactly("endpoint_id:MALFORMED", "disabled_at:REQUIRED");
    }

    @Test
    void passesNoticesOfDisabledEndpointsUntilTheyAreGiven() {
        TelegramId owner = Fixtures.newId();
        WebhookEndpoint endpoint = register(owner, "https://gone.shop.example/hook", "parcel.deleted");
        Instant at = Instant.parse("2026-03-06T08:15:30.123456789Z");
        database.updateHealth(endpoint.id(), new EndpointHealth.Disabled(at, "every attempt failed since 2026-03-01"));

        List<EndpointDisabledNotice> pending = client.pendingNotices(100);

        EndpointDisabledNotice expected = new EndpointDisabledNotice(endpoint.id(), owner, endpoint.url(), at,
                "every attempt failed since 2026-03-01");
        assertThat(pending).contains(expected);
        assertThat(pending.get(pending.indexOf(expected)).id()).isEqualTo(expected.id());
        assertThatThrownBy(() -> client.pendingNotices(0)).isInstanceOf(InvalidInputException.class);

        client.noticeGiven(endpoint.id(), at.plusNanos(1));
        assertThat(client.pendingNotices(100)).contains(expected);
        client.noticeGiven(endpoint.id(), at);
        client.noticeGiven(endpoint.id(), at);

        assertThat(client.pendingNotices(100)).extracting(EndpointDisabledNotice::endpoint).doesNotContain(endpoint.id());
        assertThat(Set.copyOf(service.pendingNotices(100))).isEqualTo(Set.copyOf(client.pendingNotices(100)));
    }
}
