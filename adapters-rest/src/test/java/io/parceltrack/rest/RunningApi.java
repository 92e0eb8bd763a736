package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryIdempotencyStore;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.WebhookEndpointService;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The REST API on a random local port, wired as a parcels-manager app wires it: the real account
 * and parcel services over the in-memory adapters. Tests reach it over real HTTP. Either closed by
 * try-with-resources, or registered as a static {@code @RegisterExtension} field, then closed after
 * the test class.
 */
final class RunningApi implements AutoCloseable, AfterAllCallback {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong MANAGER_IDS = new AtomicLong(5_000_000 + RANDOM.nextInt(1_000_000));

    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryParcelDatabase parcelDatabase = new InMemoryParcelDatabase();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final AccountService accountService;
    final ManagerParcelService parcelService;
    final InMemoryWebhookDatabase webhookDatabase = new InMemoryWebhookDatabase();
    final WebhookEndpointService webhookService;
    final AppHttpServer server;
    private final ManagerApi managerApi;
    final URI base;

    private RunningApi(Clock clock, UnaryOperator<HttpServerSettings> tuning,
            UnaryOperator<ManagerParcelUseCases> decorate, UnaryOperator<WebhookEndpointsUseCase> decorateWebhooks,
            UnaryOperator<AuthenticateApiTokenUseCase> authentication, Map<String, ReadinessCheck> readiness,
            FailedAuthenticationLimit failedAuthentication) {
        accountService = new AccountService(accounts, accounts, clock, RANDOM);
        parcelService = new ManagerParcelService(parcelDatabase, parcelDatabase, clock, RANDOM);
        webhookService = new WebhookEndpointService(new DestinationRules(false, false), webhookDatabase, webhookDatabase,
                webhookDatabase, new WebhookEndpointService.Limits(3, Duration.ofHours(24)), clock, RANDOM, () -> {});
        HttpServerSettings settings = tuning.apply(HttpServerSettings.defaults()
                .withAddress("127.0.0.1", 0)
                .withRateLimit(new RateLimitSettings(10_000, 10_000))
                // Nothing is in flight when a test stops its server: do not wait for idle connections.
                .withShutdownTimeout(Duration.ofMillis(300)));
        managerApi = new ManagerApi(
                decorate.apply(parcelService), decorateWebhooks.apply(webhookService), authentication.apply(accountService),
                idempotency, IdempotentRequests.DEFAULT_KEY_QUOTA, failedAuthentication, clock, settings);
        server = new AppHttpServer(settings, readiness, List.of(managerApi));
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    static RunningApi start() {
        return new Builder().start();
    }

    static Builder with() {
        return new Builder();
    }

    /** Registers a new manager and returns the clear text of their fresh API token. */
    String newManagerToken() {
        return accountService.issueApiToken(newManager()).value();
    }

    TelegramId newManager() {
        TelegramId id = new TelegramId(MANAGER_IDS.incrementAndGet());
        accountService.registerManager(
                RegisterManagerCommand.parse(id, "Max Müller", "max@shop.example", null, "Fast Parcels Ltd"));
        return id;
    }

    /** How many client addresses the failed-authentication limit remembers now. */
    int failedAuthenticationTracked() {
        return managerApi.failedAuthenticationAddresses();
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    static final class Builder {
        private Clock clock = Clock.systemUTC();
        private UnaryOperator<HttpServerSettings> tuning = UnaryOperator.identity();
        private UnaryOperator<ManagerParcelUseCases> decorate = UnaryOperator.identity();
        private UnaryOperator<WebhookEndpointsUseCase> decorateWebhooks = UnaryOperator.identity();
        private UnaryOperator<AuthenticateApiTokenUseCase> authentication = UnaryOperator.identity();
        private Map<String, ReadinessCheck> readiness = Map.of("parcels", () -> true);
        private FailedAuthenticationLimit failedAuthentication = FailedAuthenticationLimit.DEFAULT;

        Builder failedAuthentication(FailedAuthenticationLimit value) {
            failedAuthentication = value;
            return this;
        }

        Builder clock(Clock value) {
            clock = value;
            return this;
        }

        Builder settings(UnaryOperator<HttpServerSettings> value) {
            tuning = value;
            return this;
        }

        /** Wraps the real parcel service, e.g. to hold a call or to fail like a remote backend. */
        Builder parcelUseCases(UnaryOperator<ManagerParcelUseCases> value) {
            decorate = value;
            return this;
        }

        /** Wraps the real webhook service, e.g. to fail like a remote backend. */
        Builder webhookUseCases(UnaryOperator<WebhookEndpointsUseCase> value) {
            decorateWebhooks = value;
            return this;
        }

        /** Wraps the real token authentication, e.g. to fail like an unreachable accounts service. */
        Builder authentication(UnaryOperator<AuthenticateApiTokenUseCase> value) {
            authentication = value;
            return this;
        }

        Builder readiness(Map<String, ReadinessCheck> value) {
            readiness = value;
            return this;
        }

        RunningApi start() {
            return new RunningApi(clock, tuning, decorate, decorateWebhooks, authentication, readiness, failedAuthentication);
        }
    }
}
