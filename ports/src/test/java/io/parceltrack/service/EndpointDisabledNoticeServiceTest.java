package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.webhook.EndpointDisabledNotices;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointDisabledNoticeServiceTest {
    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final WebhookEndpointService endpoints = new WebhookEndpointService(DestinationRules.strict(), database,
            database, database, new WebhookEndpointService.Limits(5, Duration.ofHours(24)), clock, new SecureRandom(),
            () -> {});
    private final InMemoryProcessedMessageStore processed = new InMemoryProcessedMessageStore();
    private final List<EndpointDisabledNotice> told = new ArrayList<>();
    private final TelegramId manager = Fixtures.newId();

    private WebhookEndpoint disabledEndpoint(String reason) {
        WebhookEndpoint endpoint = endpoints.register(RegisterWebhookCommand.parse(manager, "https://hooks.shop.example/in",
                List.of("parcel.deleted"), endpoints.destinationRules()));
        clock.advance(Duration.ofSeconds(1));
        database.updateHealth(endpoint.id(), new EndpointHealth.Disabled(clock.instant(), reason));
        return database.find(endpoint.id()).orElseThrow();
    }

    private EndpointDisabledNoticeService service(EndpointDisabledNotices source) {
        return new EndpointDisabledNoticeService(source, processed, notice -> {
            told.add(notice);
            return Messenger.SendResult.SENT;
        }, clock, 10);
    }

    @Test
    void tellsTheManagerOfEachDisabledEndpointOnce() {
        WebhookEndpoint first = disabledEndpoint("every attempt failed since yesterday");
        WebhookEndpoint second = disabledEndpoint("answered 503");
        EndpointDisabledNoticeService service = service(endpoints);

        assertThat(service.passOnPending()).isEqualTo(2);
        assertThat(service.passOnPending()).isZero();

        assertThat(told).extracting(EndpointDisabledNotice::endpoint).containsExactly(first.id(), second.id());
        assertThat(told.get(0).manager()).isEqualTo(manager);
        assertThat(told.get(0).reason()).isEqualTo("every attempt failed since yesterday");
        assertThat(told.get(0).url()).isEqualTo(first.url());
    }

    @Test
    void aNoticeWhoseReportBackFailedIsNotSentAgain() {
        disabledEndpoint("answered 500");
        EndpointDisabledNotices reportBackFails = new EndpointDisabledNotices() {
            @Override
            public List<EndpointDisabledNotice> pendingNotices(int limit) {
                return endpoints.pendingNotices(limit);
            }

            @Override
            public void noticeGiven(WebhookEndpointId endpoint, Instant disabledAt) {
                throw new UnavailableException("parcels-manager service unavailable", null);
            }
        };

        assertThatThrownBy(() -> service(reportBackFails).passOnPending()).isInstanceOf(UnavailableException.class);
        assertThat(endpoints.pendingNotices(10)).hasSize(1);
        assertThat(service(endpoints).passOnPending()).isEqualTo(1);

        assertThat(told).hasSize(1);
        assertThat(endpoints.pendingNotices(10)).isEmpty();
    }

    @Test
    void aMessengerFailureLeavesTheNoticeOwed() {
        disabledEndpoint("answered 500");
        EndpointDisabledNoticeService failing = new EndpointDisabledNoticeService(endpoints, processed, notice -> {
            throw new UnavailableException("Telegram unavailable", null);
        }, clock, 10);

        assertThatThrownBy(failing::passOnPending).isInstanceOf(UnavailableException.class);

        assertThat(endpoints.pendingNotices(10)).hasSize(1);
        assertThat(service(endpoints).passOnPending()).isEqualTo(1);
        assertThat(told).hasSize(1);
    }

    @Test
    void anEndpointDisabledAgainAfterRecoveringOwesANewNotice() {
        WebhookEndpoint endpoint = disabledEndpoint("answered 500");
        EndpointDisabledNoticeService service = service(endpoints);
        service.passOnPending();

        database.updateHealth(endpoint.id(), EndpointHealth.healthy());
        clock.advance(Duration.ofDays(1));
        database.updateHealth(endpoint.id(), new EndpointHealth.Disabled(clock.instant(), "answered 502"));
        service.passOnPending();

        assertThat(told).extracting(EndpointDisabledNotice::reason).containsExactly("answered 500", "answered 502");
        assertThat(told.get(0).id()).isNotEqualTo(told.get(1).id());
    }

    @Test
    void theOverviewLeavesSecretsOutAndRefusesAnOutOfRangeLimit() {
        WebhookEndpoint endpoint = disabledEndpoint("answered 500");

        assertThat(endpoints.listEndpointViews(manager)).containsExactly(WebhookEndpointView.of(endpoint));
        assertThat(endpoints.listEndpointViews(Fixtures.newId())).isEmpty();
        assertThatThrownBy(() -> endpoints.pendingNotices(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> endpoints.pendingNotices(101)).isInstanceOf(InvalidInputException.class);
    }
}
