package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookEndpointServiceTest {
    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final WebhookEndpointService service = new WebhookEndpointService(DestinationRules.strict(), database,
            database, database, new WebhookEndpointService.Limits(2, Duration.ofHours(24)), clock, new SecureRandom(),
            wakeUps::incrementAndGet);
    private final TelegramId manager = Fixtures.newId();

    private WebhookEndpoint register(TelegramId owner) {
        return service.register(RegisterWebhookCommand.parse(owner, "https://hooks.shop.example/in",
                List.of("checkpoint.recorded", "checkpoint.recorded"), service.destinationRules()));
    }

    @Test
    void aCommandNamesEveryBadField() {
        assertThatThrownBy(() -> RegisterWebhookCommand.parse(manager, "http://10.0.0.1/", List.of(), DestinationRules.strict()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(violation -> violation.field()).containsExactly("url", "events"));
    }

    @Test
    void keepsAManagerWithinTheirLimitOfEndpoints() {
        register(manager);
        register(manager);

        assertThatThrownBy(() -> register(manager)).isInstanceOf(ConflictException.class);
        assertThat(register(Fixtures.newId()).events()).hasSize(1);
    }

    @Test
    void rotationKeepsTheOldSecretSigningForTheGracePeriod() {
        WebhookEndpoint endpoint = register(manager);

        WebhookEndpoint rotated = service.rotateSecret(manager, endpoint.id());

        assertThat(rotated.secret()).isNotEqualTo(endpoint.secret());
        assertThat(rotated.signingSecrets(clock.instant())).containsExactly(rotated.secret(), endpoint.secret());
        assertThat(rotated.signingSecrets(clock.instant().plus(Duration.ofHours(24)))).containsExactly(rotated.secret());
        assertThat(database.find(endpoint.id()).orElseThrow()).isEqualTo(rotated);
    }

    @Test
    void onlyTheOwnerTouchesAnEndpoint() {
        WebhookEndpoint endpoint = register(manager);
        TelegramId stranger = Fixtures.newId();

        assertThatThrownBy(() -> service.getEndpoint(stranger, endpoint.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.rotateSecret(stranger, endpoint.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(stranger, endpoint.id())).isInstanceOf(AccessDeniedException.class);
        service.delete(manager, endpoint.id());
        assertThatThrownBy(() -> service.getEndpoint(manager, endpoint.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void queuesATestAndWakesTheSenderButNotForADisabledEndpoint() {
        WebhookEndpoint endpoint = register(manager);

        service.sendTest(manager, endpoint.id());

        assertThat(wakeUps).hasValue(1);
        assertThat(database.claimDue(clock.instant(), clock.instant().plusSeconds(60), 10, Set.of())).hasSize(1);
        database.updateHealth(endpoint.id(), new EndpointHealth.Disabled(clock.instant(), "failing for days"));
        assertThatThrownBy(() -> service.sendTest(manager, endpoint.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void listsABoundedNumberOfDeliveries() {
        WebhookEndpoint endpoint = register(manager);

        assertThat(service.listDeliveries(manager, endpoint.id(), 100)).isEmpty();
        assertThatThrownBy(() -> service.listDeliveries(manager, endpoint.id(), 101)).isInstanceOf(InvalidInputException.class);
    }
}
