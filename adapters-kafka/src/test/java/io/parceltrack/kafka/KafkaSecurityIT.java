package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.ScramTlsListener;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.PublishException;
import io.parceltrack.service.NotificationDeliveryService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our producers, consumers and admin client against a broker that takes only TLS connections with a
 * SCRAM-SHA-512 login and enforces ACLs, as docs/SECURITY.md asks of production: the right
 * credentials work end to end; a wrong password, an unknown user, a client without SASL or without
 * TLS are refused; a user without an ACL for a topic cannot write to it.
 */
class KafkaSecurityIT {
    private static final String NOTIFICATION_SERVICE = "notification-service";
    private static final String USER_BOT = "user-bot";
    private static final String GROUP = "user-bot-deliveries-" + UUID.randomUUID();
    private static final TopicSettings DELIVERIES =
            TopicSettings.of("notification-deliveries-" + UUID.randomUUID(), 1, (short) 1);

    private static ScramTlsListener secure;
    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        secure = ScramTlsListener.create(Map.of(
                NOTIFICATION_SERVICE, "ns-" + UUID.randomUUID(),
                USER_BOT, "ub-" + UUID.randomUUID()), true);
        broker = KafkaTestBroker.startSecured(secure);
        // The topics as the operator (here: the harness's super user) would create them, and the ACLs
        // of docs/SECURITY.md for the two apps at either end of notification-deliveries.
        new KafkaTopicCreator(broker.secureClientSettings(ScramTlsListener.SUPER_USER)).createMissing(List.of(DELIVERIES));
        try (Admin admin = broker.admin()) {
            admin.createAcls(List.of(
                    allow(NOTIFICATION_SERVICE, ResourceType.TOPIC, DELIVERIES.name(), AclOperation.WRITE),
                    allow(USER_BOT, ResourceType.TOPIC, DELIVERIES.name(), AclOperation.READ),
                    allow(USER_BOT, ResourceType.GROUP, GROUP, AclOperation.READ),
                    allow(USER_BOT, ResourceType.TOPIC, DELIVERIES.name() + ".dlt", AclOperation.WRITE)))
                    .all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withTheirOwnCredentialsTheFanOutsPublisherAndTheBotsConsumerDeliverThroughTheBroker() throws Exception {
        TelegramId anna = Fixtures.newId();
        RecordingMessenger messenger = new RecordingMessenger();
        CountingDeliveries handled = new CountingDeliveries(
                new NotificationDeliveryService(new InMemoryProcessedMessageStore(), messenger, Clock.systemUTC()));
        DeliveryConsumerSettings consumer = new DeliveryConsumerSettings(broker.secureClientSettings(USER_BOT),
                TestSettings.consumer("secured").withGroupId(GROUP), DELIVERIES, 2);
        try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(new DeliveryPublisherSettings(
                        broker.secureClientSettings(NOTIFICATION_SERVICE), DELIVERIES.name(), "test-secured"));
                NotificationDeliveryConsumer bot = new NotificationDeliveryConsumer(consumer, handled).start()) {
            publisher.publishDeliveries(List.of(delivery(anna), delivery(anna), delivery(anna)));

            assertThat(handled.awaitHandled(3, Duration.ofSeconds(60))).isEqualTo(3);
            assertThat(handled.count(DeliveryOutcome.SENT)).isEqualTo(3);
            assertThat(messenger.sentTo(anna)).hasSize(3);
            assertThat(bot.isRunning()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtLogin() {
        KafkaClientSettings wrong = broker.secureClientSettings(NOTIFICATION_SERVICE)
                .withSecurity(secure.clientSecurity(NOTIFICATION_SERVICE).withCredentials(NOTIFICATION_SERVICE, "guessed"));

        assertThatThrownBy(() -> new KafkaTopicCreator(wrong).createMissing(List.of(DELIVERIES)))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class)
                .rootCause().hasMessageContaining("Authentication failed");
        try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(
                new DeliveryPublisherSettings(wrong, DELIVERIES.name(), "test-wrong-password"))) {
            assertThatThrownBy(() -> publisher.publishDeliveries(List.of(delivery(Fixtures.newId()))))
                    .isInstanceOf(PublishException.class)
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void anUnknownUserIsRefusedAtLogin() {
        KafkaClientSettings stranger = broker.secureClientSettings(NOTIFICATION_SERVICE)
                .withSecurity(secure.clientSecurity(NOTIFICATION_SERVICE).withCredentials("mallory", "anything"));

        assertThatThrownBy(() -> new KafkaTopicCreator(stranger).createMissing(List.of(DELIVERIES)))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswerFromTheSecuredPort() {
        // TLS but no SASL login, and neither TLS nor SASL: the broker drops the connection each time.
        KafkaSecurity tlsOnly = new KafkaSecurity(KafkaSecurity.Protocol.SSL, KafkaSecurity.SCRAM_SHA_512, "", "",
                secure.truststore().toString(), "PEM", "");
        for (KafkaSecurity withoutLogin : List.of(tlsOnly, KafkaSecurity.plaintext())) {
            KafkaClientSettings settings = broker.secureClientSettings(NOTIFICATION_SERVICE).withSecurity(withoutLogin);
            try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(
                    new DeliveryPublisherSettings(settings, DELIVERIES.name(), "test-no-login"))) {
                assertThatThrownBy(() -> publisher.publishDeliveries(List.of(delivery(Fixtures.newId()))))
                        .as("a %s client", withoutLogin.protocol())
                        .isInstanceOf(PublishException.class);
            }
        }
    }

    @Test
    void aLoggedInUserWithoutAnAclCannotWriteTheTopic() {
        // The user bot reads notification-deliveries; it may not write it (that would let it, or
        // whoever holds its password, make itself send anything).
        try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(new DeliveryPublisherSettings(
                broker.secureClientSettings(USER_BOT), DELIVERIES.name(), "test-bot-writes"))) {
            assertThatThrownBy(() -> publisher.publishDeliveries(List.of(delivery(Fixtures.newId()))))
                    .isInstanceOf(PublishException.class)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Delivery delivery(TelegramId recipient) {
        return Delivery.of(Fixtures.event(Fixtures.newTrackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT)), recipient);
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
